package org.consilium.notification;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import org.consilium.ui.Formats;
import org.consilium.ui.HeaderWidget;
import org.consilium.ui.Translations;

/**
 * The bell in the header: the unread count, and the latest notifications on a click. Each notification was written
 * in its reader's language when it was created; its time is shown in the reader's zone now.
 */
@org.springframework.stereotype.Component
class NotificationBell implements HeaderWidget {

    private final NotificationService notifications;

    NotificationBell(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public Component create() {
        Span count = new Span();
        count.getElement().getThemeList().add("badge error primary pill small");
        count.setId("unread-notifications");
        Button bell = new Button(VaadinIcon.BELL.create());
        bell.setId("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.getStyle().set("color", "white");
        Div widget = new Div(bell, count);
        widget.getStyle().set("display", "flex").set("align-items", "center").set("margin-right", "var(--lumo-space-s)");
        Runnable refresh = () -> {
            long unread = notifications.unreadCount();
            count.setText(String.valueOf(unread));
            count.setVisible(unread > 0);
            bell.setAriaLabel(Translations.t("notification.bell.unread", unread));
        };
        bell.addClickListener(e -> open(refresh));
        widget.addAttachListener(attach -> {
            refresh.run();
            Registration registration = attach.getUI().addAfterNavigationListener(nav -> refresh.run());
            widget.addDetachListener(detach -> registration.remove());
        });
        return widget;
    }

    private void open(Runnable refresh) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(Translations.t("notification.bell.title"));
        dialog.setWidth("36em");
        Div list = new Div();
        list.setId("notification-list");
        var latest = notifications.latest(20);
        if (latest.isEmpty()) {
            list.add(new Paragraph(Translations.t("notification.bell.empty")));
        }
        for (NotificationItem item : latest) {
            Div row = new Div();
            row.getStyle().set("padding", "var(--lumo-space-xs) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)")
                    .set("font-weight", item.read() ? "normal" : "600");
            Span when = new Span(Formats.dateTime(item.createdAt()) + " — ");
            when.getStyle().set("color", "var(--lumo-secondary-text-color)");
            row.add(when);
            if (item.proposalId() != null) {
                Anchor link = new Anchor("proposals/" + item.proposalId(), item.message());
                link.getElement().setAttribute("router-link", true);
                link.getElement().addEventListener("click", ev -> dialog.close());
                row.add(link);
            } else {
                row.add(new Span(item.message()));
            }
            list.add(row);
        }
        Button markRead = new Button(Translations.t("notification.bell.markRead"), e -> {
            notifications.markAllRead();
            refresh.run();
            dialog.close();
        });
        markRead.setId("mark-notifications-read");
        dialog.add(list);
        dialog.getFooter().add(markRead, new Button(Translations.t("notification.bell.close"), e -> dialog.close()));
        dialog.open();
    }
}
