package org.consilium.member;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.consilium.security.Roles;
import org.consilium.ui.Problems;

/** Administrators register people, change their roles and deactivate them; every change is audited. */
@Route("admin/people")
@PageTitle("People · Consilium")
@Menu(title = "People", order = 7, icon = "USERS")
@RolesAllowed(Roles.ADMINISTRATOR)
class PeopleView extends Div {

    private final MemberService members;
    private final TextField filter = new TextField();
    private final Grid<PersonRow> grid = new Grid<>();

    PeopleView(MemberService members) {
        this.members = members;
        addClassName("page");
        filter.setPlaceholder("Name, username or organisation");
        filter.setId("people-filter");
        filter.setMaxLength(200);
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button register = new Button("Register a person…", e -> registerDialog());
        register.setId("register-person");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("people");
        grid.addColumn(PersonRow::fullName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(PersonRow::username).setHeader("Username").setAutoWidth(true);
        grid.addColumn(PersonRow::organisation).setHeader("Organisation").setFlexGrow(1);
        grid.addColumn(p -> p.roles().stream().map(Role::label).sorted().collect(Collectors.joining(", ")))
                .setHeader("Roles").setFlexGrow(1);
        grid.addColumn(p -> p.active() ? "Active" : "Deactivated").setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(p -> {
            Button roles = new Button("Roles…", e -> rolesDialog(p));
            Button deactivate = new Button("Deactivate…", e -> deactivateDialog(p));
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
        HorizontalLayout bar = new HorizontalLayout(filter, register);
        add(new H2("People"), bar, grid);
    }

    private void registerDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Register a person");
        TextField username = new TextField("Username");
        username.setMaxLength(60);
        TextField fullName = new TextField("Full name");
        fullName.setMaxLength(200);
        EmailField email = new EmailField("E-mail");
        email.setMaxLength(254);
        ComboBox<OrganisationSummary> organisation = new ComboBox<>("Organisation");
        organisation.setItems(members.activeOrganisations());
        organisation.setItemLabelGenerator(OrganisationSummary::name);
        CheckboxGroup<Role> roles = rolesField(EnumSet.noneOf(Role.class));
        PasswordField password = new PasswordField("Initial password");
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters; tell it to the person"
                + " through another channel.");
        password.setMaxLength(PasswordPolicy.MAX_BYTES);
        Button save = new Button("Register", e -> {
            try {
                members.registerPerson(new NewPerson(username.getValue().strip(), fullName.getValue().strip(),
                        email.getValue().strip(), password.getValue(),
                        organisation.getValue() == null ? null : organisation.getValue().id(), roles.getValue()));
                dialog.close();
                Problems.success(fullName.getValue() + " is registered.");
                grid.getDataProvider().refreshAll();
            } catch (MemberNotValid invalid) {
                switch (invalid.field()) {
                    case "username" -> showOn(username, invalid);
                    case "fullName" -> showOn(fullName, invalid);
                    case "email" -> showOn(email, invalid);
                    case "password" -> showOn(password, invalid);
                    case "organisation" -> showOn(organisation, invalid);
                    case "roles" -> {
                        roles.setErrorMessage(invalid.getMessage());
                        roles.setInvalid(true);
                    }
                    default -> Problems.show(invalid.getMessage());
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(username, fullName, email, organisation, roles, password);
        dialog.setWidth("32rem");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void rolesDialog(PersonRow person) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Roles of " + person.fullName());
        CheckboxGroup<Role> roles = rolesField(person.roles().isEmpty() ? EnumSet.noneOf(Role.class)
                : EnumSet.copyOf(person.roles()));
        TextArea reason = reasonField();
        Button save = new Button("Change roles", e -> {
            try {
                members.changeRoles(person.id(), roles.getValue(), reason.getValue());
                dialog.close();
                Problems.success("Roles changed; " + person.fullName() + " signs in again to use them.");
                grid.getDataProvider().refreshAll();
            } catch (MemberNotValid invalid) {
                roles.setErrorMessage(invalid.getMessage());
                roles.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(roles, reason);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void deactivateDialog(PersonRow person) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Deactivate " + person.fullName() + "?");
        TextArea reason = reasonField();
        Button deactivate = new Button("Deactivate", e -> {
            try {
                members.deactivate(person.id(), reason.getValue());
                dialog.close();
                Problems.success(person.fullName() + " is deactivated; their sessions have ended.");
                grid.getDataProvider().refreshAll();
            } catch (MemberNotValid invalid) {
                showOn(reason, invalid);
            }
        });
        deactivate.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.add(new Paragraph("They can no longer sign in, and any session they have open ends now. Their"
                + " decisions and records stay."), reason);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), deactivate);
        dialog.open();
    }

    private static CheckboxGroup<Role> rolesField(Set<Role> value) {
        CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(Role::label);
        roles.setValue(value);
        return roles;
    }

    private static TextArea reasonField() {
        TextArea reason = new TextArea("Reason (kept in the audit trail)");
        reason.setMaxLength(4_000);
        reason.setWidthFull();
        return reason;
    }

    private static void showOn(com.vaadin.flow.component.HasValidation field, MemberNotValid invalid) {
        field.setErrorMessage(invalid.getMessage());
        field.setInvalid(true);
    }
}
