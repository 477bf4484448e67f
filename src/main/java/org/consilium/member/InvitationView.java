package org.consilium.member;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.consilium.ui.Formats;
import org.consilium.ui.LanguageMenu;
import org.consilium.ui.UserLocales;

/**
 * Where an invitation link leads: the invitee, not signed in, chooses a username and password. A link that cannot
 * be used (unknown, expired, used, revoked, organisation gone) says so and why, and shows no form.
 */
@Route(value = "invitation/:token", autoLayout = false)
@AnonymousAllowed
class InvitationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final String REFUSED_KEY = "admin.invitation.refused.";

    private final InvitationService invitations;
    private final Div card = new Div();

    InvitationView(InvitationService invitations, UserLocales locales) {
        this.invitations = invitations;
        addClassName("login-page");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        getStyle().set("padding-top", "var(--lumo-space-xl)");
        H1 title = new H1(getTranslation("app.name"));
        title.getStyle().set("color", "white").set("margin-bottom", "0");
        LanguageMenu language = new LanguageMenu(locales, false);
        language.getStyle().set("color", "white");
        card.setId("invitation");
        card.getStyle().set("background", "var(--lumo-base-color)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-l)").set("max-width", "34rem").set("width", "100%")
                .set("box-sizing", "border-box");
        add(language, title, card);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.invitation.pageTitle");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        card.removeAll();
        try {
            form(token, invitations.open(token));
        } catch (InvitationRefused refused) {
            refusal(refused.reason());
        }
    }

    private void form(String token, InvitationOpening invitation) {
        TextField username = new TextField(getTranslation("admin.invitation.username"));
        username.setValue(invitation.suggestedUsername());
        username.setHelperText(getTranslation("admin.invitation.username.hint"));
        username.setMaxLength(60);
        username.setRequired(true);
        username.setWidthFull();
        username.setId("invitation-username");
        PasswordField password = new PasswordField(getTranslation("admin.invitation.password"));
        password.setHelperText(getTranslation("admin.register.password.rules", PasswordPolicy.MIN_LENGTH));
        password.setMaxLength(PasswordPolicy.MAX_BYTES);
        password.setRequired(true);
        password.setWidthFull();
        password.setId("invitation-password");
        PasswordField repeat = new PasswordField(getTranslation("admin.invitation.repeat"));
        repeat.setMaxLength(PasswordPolicy.MAX_BYTES);
        repeat.setRequired(true);
        repeat.setWidthFull();
        repeat.setId("invitation-repeat");
        Button create = new Button(getTranslation("admin.invitation.create"), e -> {
            username.setInvalid(false);
            password.setInvalid(false);
            repeat.setInvalid(false);
            if (!password.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage(getTranslation("admin.invitation.repeat.differs"));
                repeat.setInvalid(true);
                return;
            }
            try {
                PersonSummary person = invitations.accept(token, username.getValue(), password.getValue(),
                        getLocale().getLanguage());
                done(person, username.getValue().strip());
            } catch (MemberNotValid invalid) {
                AdminTexts.showOn("username".equals(invalid.field()) ? username : password, invalid);
            } catch (InvitationRefused refused) {
                refusal(refused.reason());
            }
        });
        create.setId("accept-invitation");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.getStyle().set("margin-top", "var(--lumo-space-m)");
        Paragraph welcome = new Paragraph(getTranslation("admin.invitation.text", invitation.invitedBy(),
                invitation.organisation(), AdminTexts.roles(invitation.roles())));
        welcome.setId("invitation-text");
        Paragraph validity = new Paragraph(getTranslation("admin.invitation.validity", invitation.email(),
                Formats.dateTime(invitation.expiresAt())));
        validity.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        card.add(new H2(getTranslation("admin.invitation.welcome", invitation.fullName())), welcome, validity,
                username, password, repeat, create);
    }

    private void done(PersonSummary person, String username) {
        card.removeAll();
        H2 title = new H2(getTranslation("admin.invitation.done.title", person.fullName()));
        Paragraph text = new Paragraph(getTranslation("admin.invitation.done.text", username));
        text.setId("invitation-done");
        Anchor signIn = new Anchor("login", getTranslation("admin.invitation.signIn"));
        signIn.setId("invitation-sign-in");
        card.add(title, text, signIn);
    }

    private void refusal(InvitationRefused.Reason reason) {
        card.removeAll();
        card.addClassName("refusal");
        H2 title = new H2(getTranslation(REFUSED_KEY + reason.name() + ".title"));
        Paragraph text = new Paragraph(getTranslation(REFUSED_KEY + reason.name() + ".text"));
        text.setId("invitation-refused");
        text.getElement().setAttribute("data-reason", reason.name());
        card.add(title, text);
        if (reason == InvitationRefused.Reason.USED) {
            card.add(new Anchor("login", getTranslation("admin.invitation.signIn")));
        }
    }
}
