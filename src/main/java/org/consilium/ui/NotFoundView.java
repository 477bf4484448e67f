package org.consilium.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** Shown for an address that leads nowhere, inside the shell so that the menu is still there. */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    private final Paragraph reason = new Paragraph();

    NotFoundView() {
        addClassName("refusal");
        setId("not-found");
        add(new H2(getTranslation("error.notFound.heading")), reason,
                new RouterLink(getTranslation("error.backToStart"), HomeView.class));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("error.notFound.title");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        // A view that reroutes here says why in its own words; the router's own "no route" message is English only.
        boolean noSuchRoute = event.getSource().getRegistry().getNavigationTarget(event.getLocation().getPath())
                .isEmpty();
        reason.setText(parameter.hasCustomMessage() && !noSuchRoute ? parameter.getCustomMessage()
                : getTranslation("error.notFound.path", event.getLocation().getPath()));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
