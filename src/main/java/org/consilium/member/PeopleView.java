package org.consilium.member;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.Set;
import org.consilium.security.Roles;
import org.consilium.ui.Formats;
import org.consilium.ui.Problems;

/**
 * Administrators invite people (a one-time link by e-mail) or register them with a password, change their roles
 * and deactivate them, and follow the invitations until they are used; every change is audited.
 */
@Route("admin/people")
@Menu(title = "People", order = 7, icon = "USERS")
@RolesAllowed(Roles.ADMINISTRATOR)
class PeopleView extends Div implements HasDynamicTitle {

    private static final String LANGUAGE_KEY = "admin.language.";

    private final MemberService members;
    private final InvitationService invitations;
    private final InvitationSettings settings;
    private final TextField filter = new TextField();
    private final Grid<PersonRow> grid = new Grid<>();
    private final Grid<InvitationRow> invitationGrid = new Grid<>();
    private final Checkbox allInvitations = new Checkbox();

    PeopleView(MemberService members, InvitationService invitations, InvitationSettings settings) {
        this.members = members;
        this.invitations = invitations;
        this.settings = settings;
        addClassName("page");
        filter.setPlaceholder(getTranslation("admin.people.filter"));
        filter.setId("people-filter");
        filter.setMaxLength(200);
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidth("20rem");
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button invite = new Button(getTranslation("admin.people.invite"), e -> inviteDialog());
        invite.setId("invite-person");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button register = new Button(getTranslation("admin.people.register"), e -> registerDialog());
        register.setId("register-person");

        grid.setId("people");
        grid.addColumn(PersonRow::fullName).setHeader(getTranslation("admin.people.name")).setAutoWidth(true);
        grid.addColumn(PersonRow::username).setHeader(getTranslation("admin.people.username")).setAutoWidth(true);
        grid.addColumn(PersonRow::organisation).setHeader(getTranslation("admin.people.organisation")).setFlexGrow(1);
        grid.addColumn(p -> AdminTexts.roles(p.roles())).setHeader(getTranslation("admin.people.roles")).setFlexGrow(1);
        grid.addColumn(p -> getTranslation(p.active() ? "admin.state.active" : "admin.state.inactive"))
                .setHeader(getTranslation("admin.people.state")).setAutoWidth(true);
        grid.addComponentColumn(p -> {
            Button roles = new Button(getTranslation("admin.people.roles.action"), e -> rolesDialog(p));
            Button deactivate = new Button(getTranslation("admin.people.deactivate.action"), e -> deactivateDialog(p));
            deactivate.addThemeVariants(ButtonVariant.LUMO_ERROR);
            roles.setEnabled(p.active());
            deactivate.setEnabled(p.active());
            return new HorizontalLayout(roles, deactivate);
        }).setHeader("").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(50);
        grid.setDataProvider(new CallbackDataProvider<PersonRow, Void>(
                q -> members.people(filter.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> members.countPeople(filter.getValue())));
        HorizontalLayout bar = new HorizontalLayout(filter, invite, register);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("admin.people.title")), bar, grid);
        add(invitationsSection());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.people.pageTitle");
    }

    // ---- invitations ---------------------------------------------------------------------------------------

    private Div invitationsSection() {
        allInvitations.setLabel(getTranslation("admin.invitations.showAll"));
        allInvitations.setId("invitations-all");
        allInvitations.addValueChangeListener(e -> invitationGrid.getDataProvider().refreshAll());
        invitationGrid.setId("invitations");
        invitationGrid.addColumn(InvitationRow::fullName).setHeader(getTranslation("admin.people.name"))
                .setAutoWidth(true);
        invitationGrid.addColumn(InvitationRow::email).setHeader(getTranslation("admin.invitations.email"))
                .setAutoWidth(true);
        invitationGrid.addColumn(InvitationRow::organisation).setHeader(getTranslation("admin.people.organisation"))
                .setFlexGrow(1);
        invitationGrid.addColumn(i -> AdminTexts.roles(i.roles())).setHeader(getTranslation("admin.people.roles"))
                .setFlexGrow(1);
        invitationGrid.addColumn(i -> getTranslation("admin.invitations.sentBy", Formats.dateTime(i.sentAt()),
                i.invitedBy())).setHeader(getTranslation("admin.invitations.sent")).setAutoWidth(true);
        invitationGrid.addComponentColumn(this::stateOf).setHeader(getTranslation("admin.people.state"))
                .setAutoWidth(true);
        invitationGrid.addComponentColumn(i -> {
            HorizontalLayout actions = new HorizontalLayout();
            boolean open = i.state() == InvitationState.PENDING || i.state() == InvitationState.EXPIRED;
            if (open) {
                Button resend = new Button(getTranslation("admin.invitations.resend.action"), e -> resendDialog(i));
                resend.addClassName("resend-invitation");
                Button revoke = new Button(getTranslation("admin.invitations.revoke.action"), e -> revokeDialog(i));
                revoke.addClassName("revoke-invitation");
                revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
                actions.add(resend, revoke);
            }
            return actions;
        }).setHeader("").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        invitationGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        invitationGrid.setPageSize(50);
        invitationGrid.setAllRowsVisible(true);
        invitationGrid.setEmptyStateText(getTranslation("admin.invitations.empty"));
        invitationGrid.setDataProvider(new CallbackDataProvider<InvitationRow, Void>(
                q -> invitations.invitations(!allInvitations.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> invitations.countInvitations(!allInvitations.getValue())));
        Div section = new Div(new H3(getTranslation("admin.invitations.title")),
                new Paragraph(getTranslation("admin.invitations.hint", AdminTexts.duration(settings.validFor()))),
                allInvitations, invitationGrid);
        section.getStyle().set("margin-top", "var(--lumo-space-l)");
        return section;
    }

    private Span stateOf(InvitationRow invitation) {
        Span state = new Span(switch (invitation.state()) {
            case PENDING -> getTranslation("admin.invitations.state.PENDING", Formats.dateTime(invitation.expiresAt()));
            case EXPIRED -> getTranslation("admin.invitations.state.EXPIRED", Formats.dateTime(invitation.expiresAt()));
            case USED -> getTranslation("admin.invitations.state.USED", Formats.dateTime(invitation.usedAt()));
            case REVOKED -> getTranslation("admin.invitations.state.REVOKED", Formats.dateTime(invitation.revokedAt()),
                    invitation.revokedBy());
        });
        state.getElement().getThemeList().add("badge");
        switch (invitation.state()) {
            case PENDING -> state.getElement().getThemeList().add("success");
            case EXPIRED, REVOKED -> state.getElement().getThemeList().add("error");
            case USED -> state.getElement().getThemeList().add("contrast");
        }
        state.getElement().setAttribute("data-state", invitation.state().name());
        return state;
    }

    private void inviteDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.invite.title"));
        EmailField email = new EmailField(getTranslation("admin.invitations.email"));
        email.setMaxLength(254);
        email.setId("invite-email");
        email.setWidthFull();
        TextField fullName = new TextField(getTranslation("admin.person.fullName"));
        fullName.setMaxLength(200);
        fullName.setId("invite-name");
        fullName.setWidthFull();
        ComboBox<OrganisationSummary> organisation = organisationField();
        organisation.setId("invite-organisation");
        CheckboxGroup<Role> roles = rolesField(EnumSet.noneOf(Role.class));
        roles.setId("invite-roles");
        Select<String> language = new Select<>();
        language.setLabel(getTranslation("admin.invite.language"));
        language.setItems("en", "fr");
        language.setItemLabelGenerator(code -> getTranslation(LANGUAGE_KEY + code));
        language.setValue("fr".equals(getLocale().getLanguage()) ? "fr" : "en");
        language.setId("invite-language");
        Paragraph hint = new Paragraph(getTranslation("admin.invite.hint", AdminTexts.duration(settings.validFor())));
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Button send = new Button(getTranslation("admin.invite.send"), e -> {
            try {
                IssuedInvitation issued = invitations.invite(new NewInvitation(email.getValue(), fullName.getValue(),
                        organisation.getValue() == null ? null : organisation.getValue().id(), roles.getValue(),
                        language.getValue()));
                dialog.close();
                invitationGrid.getDataProvider().refreshAll();
                issued(issued, fullName.getValue().strip());
            } catch (MemberNotValid invalid) {
                switch (invalid.field()) {
                    case "email" -> AdminTexts.showOn(email, invalid);
                    case "fullName" -> AdminTexts.showOn(fullName, invalid);
                    case "organisation" -> AdminTexts.showOn(organisation, invalid);
                    case "roles" -> AdminTexts.showOn(roles, invalid);
                    default -> Problems.show(AdminTexts.problem(invalid));
                }
            }
        });
        send.setId("send-invitation");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(email, fullName, organisation, roles, language, hint);
        dialog.setWidth("34rem");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), send);
        dialog.open();
    }

    /** Says the invitation is on its way; without a mail server, shows the link once for the administrator to pass on. */
    private void issued(IssuedInvitation issued, String name) {
        if (issued.emailed()) {
            Problems.success(getTranslation("admin.invite.sent", issued.email(), Formats.dateTime(issued.expiresAt())));
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.invite.noMail.title"));
        TextField link = new TextField(getTranslation("admin.invite.noMail.link"));
        link.setValue(issued.link());
        link.setReadOnly(true);
        link.setWidthFull();
        link.setId("invitation-link");
        dialog.add(new Paragraph(getTranslation("admin.invite.noMail.text", name,
                Formats.dateTime(issued.expiresAt()))), link);
        dialog.setWidth("40rem");
        Button close = new Button(getTranslation("action.close"), e -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        dialog.open();
    }

    private void resendDialog(InvitationRow invitation) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.invitations.resend.title", invitation.fullName()));
        Button resend = new Button(getTranslation("admin.invitations.resend.confirm"), e -> {
            try {
                IssuedInvitation issued = invitations.resend(invitation.id());
                dialog.close();
                invitationGrid.getDataProvider().refreshAll();
                issued(issued, invitation.fullName());
            } catch (MemberNotValid invalid) {
                dialog.close();
                Problems.show(AdminTexts.problem(invalid));
                invitationGrid.getDataProvider().refreshAll();
            }
        });
        resend.setId("confirm-resend");
        resend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(getTranslation("admin.invitations.resend.text", invitation.email(),
                AdminTexts.duration(settings.validFor()))));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), resend);
        dialog.open();
    }

    private void revokeDialog(InvitationRow invitation) {
        new ReasonDialog(getTranslation("admin.invitations.revoke.title", invitation.fullName()), false)
                .explaining(new Paragraph(getTranslation("admin.invitations.revoke.text", invitation.email())))
                .width("32rem")
                .open(getTranslation("admin.invitations.revoke.confirm"), "confirm-revoke", true, reason -> {
                    invitations.revoke(invitation.id(), reason);
                    return getTranslation("admin.invitations.revoked", invitation.fullName());
                }, () -> invitationGrid.getDataProvider().refreshAll());
    }

    // ---- people ------------------------------------------------------------------------------------------

    private void registerDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.register.title"));
        TextField username = new TextField(getTranslation("admin.people.username"));
        username.setMaxLength(60);
        TextField fullName = new TextField(getTranslation("admin.person.fullName"));
        fullName.setMaxLength(200);
        EmailField email = new EmailField(getTranslation("admin.invitations.email"));
        email.setMaxLength(254);
        ComboBox<OrganisationSummary> organisation = organisationField();
        CheckboxGroup<Role> roles = rolesField(EnumSet.noneOf(Role.class));
        PasswordField password = new PasswordField(getTranslation("admin.register.password"));
        password.setHelperText(getTranslation("admin.register.password.hint", PasswordPolicy.MIN_LENGTH));
        password.setMaxLength(PasswordPolicy.MAX_BYTES);
        Button save = new Button(getTranslation("admin.register.save"), e -> {
            try {
                members.registerPerson(new NewPerson(username.getValue().strip(), fullName.getValue().strip(),
                        email.getValue().strip(), password.getValue(),
                        organisation.getValue() == null ? null : organisation.getValue().id(), roles.getValue()));
                dialog.close();
                Problems.success(getTranslation("admin.register.done", fullName.getValue()));
                grid.getDataProvider().refreshAll();
            } catch (MemberNotValid invalid) {
                switch (invalid.field()) {
                    case "username" -> AdminTexts.showOn(username, invalid);
                    case "fullName" -> AdminTexts.showOn(fullName, invalid);
                    case "email" -> AdminTexts.showOn(email, invalid);
                    case "password" -> AdminTexts.showOn(password, invalid);
                    case "organisation" -> AdminTexts.showOn(organisation, invalid);
                    case "roles" -> AdminTexts.showOn(roles, invalid);
                    default -> Problems.show(AdminTexts.problem(invalid));
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(username, fullName, email, organisation, roles, password);
        dialog.setWidth("32rem");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void rolesDialog(PersonRow person) {
        CheckboxGroup<Role> roles = rolesField(person.roles().isEmpty() ? EnumSet.noneOf(Role.class)
                : EnumSet.copyOf(person.roles()));
        new ReasonDialog(getTranslation("admin.people.roles.title", person.fullName()), false)
                .withField("roles", roles)
                .open(getTranslation("admin.people.roles.save"), null, false, reason -> {
                    members.changeRoles(person.id(), roles.getValue(), reason);
                    return getTranslation("admin.people.roles.done", person.fullName());
                }, () -> grid.getDataProvider().refreshAll());
    }

    private void deactivateDialog(PersonRow person) {
        new ReasonDialog(getTranslation("admin.people.deactivate.title", person.fullName()), false)
                .explaining(new Paragraph(getTranslation("admin.people.deactivate.text")))
                .open(getTranslation("admin.people.deactivate.confirm"), null, true, reason -> {
                    members.deactivate(person.id(), reason);
                    return getTranslation("admin.people.deactivate.done", person.fullName());
                }, () -> grid.getDataProvider().refreshAll());
    }

    private ComboBox<OrganisationSummary> organisationField() {
        ComboBox<OrganisationSummary> organisation = new ComboBox<>(getTranslation("admin.people.organisation"));
        organisation.setItems(members.activeOrganisations());
        organisation.setItemLabelGenerator(OrganisationSummary::name);
        organisation.setWidthFull();
        return organisation;
    }

    private CheckboxGroup<Role> rolesField(Set<Role> value) {
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("admin.people.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(AdminTexts::role);
        roles.setValue(value);
        return roles;
    }
}
