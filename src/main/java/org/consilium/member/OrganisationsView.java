package org.consilium.member;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.consilium.security.Roles;
import org.consilium.ui.Problems;
import org.consilium.ui.Translations;

/**
 * Administrators keep the list of member organisations: register, correct (name, country, kind) and deactivate or
 * reactivate them. Filtered and sorted in the database; every change is audited.
 */
@Route("admin/organisations")
@Menu(title = "Organisations", order = 6.5, icon = "BUILDING")
@RolesAllowed(Roles.ADMINISTRATOR)
class OrganisationsView extends Div implements HasDynamicTitle {

    /** What the state filter offers. */
    enum StateFilter { ALL, ACTIVE, INACTIVE }

    private static final String STATE_KEY = "admin.organisations.state.";

    private final MemberService members;
    private final TextField name = new TextField();
    private final ComboBox<String> country = new ComboBox<>();
    private final ComboBox<OrganisationType> type = new ComboBox<>();
    private final Select<StateFilter> state = new Select<>();
    private final Grid<OrganisationRow> grid = new Grid<>();

    OrganisationsView(MemberService members) {
        this.members = members;
        addClassName("page");
        name.setPlaceholder(getTranslation("admin.organisations.filter.name"));
        name.setId("organisations-filter");
        name.setMaxLength(200);
        name.setClearButtonVisible(true);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        country.setPlaceholder(getTranslation("admin.organisations.country"));
        country.setItems(countries());
        country.setItemLabelGenerator(AdminTexts::country);
        country.setClearButtonVisible(true);
        country.setId("organisations-country");
        type.setPlaceholder(getTranslation("admin.organisations.type"));
        type.setItems(OrganisationType.values());
        type.setItemLabelGenerator(AdminTexts::type);
        type.setClearButtonVisible(true);
        type.setId("organisations-type");
        state.setItems(StateFilter.values());
        state.setItemLabelGenerator(s -> getTranslation(STATE_KEY + s.name()));
        state.setValue(StateFilter.ALL);
        state.setId("organisations-state");
        name.addValueChangeListener(e -> refresh());
        country.addValueChangeListener(e -> refresh());
        type.addValueChangeListener(e -> refresh());
        state.addValueChangeListener(e -> refresh());
        Button register = new Button(getTranslation("admin.organisations.register"), e -> editDialog(null));
        register.setId("register-organisation");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("organisations");
        grid.addColumn(OrganisationRow::name).setHeader(getTranslation("admin.organisations.name"))
                .setSortProperty(OrganisationSort.NAME.name()).setFlexGrow(2).setKey("name");
        grid.addColumn(o -> AdminTexts.country(o.countryCode())).setHeader(getTranslation("admin.organisations.country"))
                .setSortProperty(OrganisationSort.COUNTRY.name()).setAutoWidth(true);
        grid.addComponentColumn(this::typeOf).setHeader(getTranslation("admin.organisations.type"))
                .setSortProperty(OrganisationSort.TYPE.name()).setAutoWidth(true);
        grid.addColumn(OrganisationRow::activePeople).setHeader(getTranslation("admin.organisations.people"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::stateOf).setHeader(getTranslation("admin.people.state"))
                .setSortProperty(OrganisationSort.ACTIVE.name()).setAutoWidth(true);
        grid.addComponentColumn(o -> {
            Button edit = new Button(getTranslation("admin.organisations.edit.action"), e -> editDialog(o));
            edit.addClassName("edit-organisation");
            Button toggle;
            if (o.active()) {
                toggle = new Button(getTranslation("admin.organisations.deactivate.action"), e -> deactivateDialog(o));
                toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
                toggle.addClassName("deactivate-organisation");
            } else {
                toggle = new Button(getTranslation("admin.organisations.reactivate.action"), e -> reactivateDialog(o));
                toggle.addClassName("reactivate-organisation");
            }
            return new HorizontalLayout(edit, toggle);
        }).setHeader("").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setMultiSort(false);
        grid.setPageSize(50);
        grid.setDataProvider(new CallbackDataProvider<OrganisationRow, Void>(
                q -> {
                    QuerySortOrder order = q.getSortOrders().isEmpty() ? null : q.getSortOrders().get(0);
                    return members.organisations(filter(), order == null ? OrganisationSort.NAME
                                    : OrganisationSort.valueOf(order.getSorted()),
                            order != null && order.getDirection() == SortDirection.DESCENDING,
                            q.getOffset(), q.getLimit()).stream();
                },
                q -> members.countOrganisations(filter())));
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("name"), SortDirection.ASCENDING)));
        HorizontalLayout bar = new HorizontalLayout(name, country, type, state, register);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        Paragraph hint = new Paragraph(getTranslation("admin.organisations.hint"));
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-top", "0");
        add(new H2(getTranslation("admin.organisations.title")), hint, bar, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.organisations.pageTitle");
    }

    private OrganisationFilter filter() {
        Boolean active = switch (state.getValue() == null ? StateFilter.ALL : state.getValue()) {
            case ALL -> null;
            case ACTIVE -> Boolean.TRUE;
            case INACTIVE -> Boolean.FALSE;
        };
        return new OrganisationFilter(name.getValue(), country.getValue(), type.getValue(), active);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    /** Country codes sorted by their name in the user's language. */
    private static List<String> countries() {
        Locale locale = Translations.locale();
        return Arrays.stream(Locale.getISOCountries())
                .sorted(Comparator.comparing(code -> new Locale("", code).getDisplayCountry(locale)))
                .toList();
    }

    /** Patient organisations are flagged: they vote in every patient review. */
    private Span typeOf(OrganisationRow organisation) {
        Span type = new Span(AdminTexts.type(organisation.type()));
        if (organisation.patientOrganisation()) {
            type.getElement().getThemeList().add("badge");
            type.getElement().setAttribute("title", getTranslation("admin.organisations.patient.tooltip"));
            type.addClassName("patient-organisation");
        }
        return type;
    }

    private Span stateOf(OrganisationRow organisation) {
        Span state = new Span(getTranslation(organisation.active() ? "admin.state.active" : "admin.state.inactive"));
        state.getElement().getThemeList().add("badge");
        state.getElement().getThemeList().add(organisation.active() ? "success" : "error");
        return state;
    }

    private void editDialog(OrganisationRow existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(existing == null ? getTranslation("admin.organisations.register.title")
                : getTranslation("admin.organisations.edit.title", existing.name()));
        TextField nameField = new TextField(getTranslation("admin.organisations.name"));
        nameField.setMaxLength(200);
        nameField.setRequired(true);
        nameField.setWidthFull();
        nameField.setId("organisation-name");
        ComboBox<String> countryField = new ComboBox<>(getTranslation("admin.organisations.country"));
        countryField.setItems(countries());
        countryField.setItemLabelGenerator(AdminTexts::country);
        countryField.setRequired(true);
        countryField.setWidthFull();
        countryField.setId("organisation-country");
        ComboBox<OrganisationType> typeField = new ComboBox<>(getTranslation("admin.organisations.type"));
        typeField.setItems(OrganisationType.values());
        typeField.setItemLabelGenerator(AdminTexts::type);
        typeField.setRequired(true);
        typeField.setWidthFull();
        typeField.setId("organisation-type");
        Paragraph patientNote = new Paragraph();
        patientNote.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        typeField.addValueChangeListener(e -> patientNote.setText(patientNote(existing, e.getValue())));
        if (existing != null) {
            nameField.setValue(existing.name());
            countryField.setValue(existing.countryCode());
            typeField.setValue(existing.type());
        }
        Button save = new Button(getTranslation(existing == null ? "admin.organisations.register.save"
                : "admin.organisations.edit.save"), e -> {
            try {
                if (existing == null) {
                    members.registerOrganisation(nameField.getValue(), countryField.getValue(), typeField.getValue());
                    Problems.success(getTranslation("admin.organisations.registered", nameField.getValue().strip()));
                } else {
                    members.updateOrganisation(existing.id(), existing.lockVersion(), nameField.getValue(),
                            countryField.getValue(), typeField.getValue());
                    Problems.success(getTranslation("admin.organisations.saved", nameField.getValue().strip()));
                }
                dialog.close();
                refresh();
            } catch (MemberNotValid invalid) {
                switch (invalid.field()) {
                    case "name" -> AdminTexts.showOn(nameField, invalid);
                    case "countryCode" -> AdminTexts.showOn(countryField, invalid);
                    case "type" -> AdminTexts.showOn(typeField, invalid);
                    default -> {
                        dialog.close();
                        Problems.show(AdminTexts.problem(invalid));
                        refresh();
                    }
                }
            }
        });
        save.setId("save-organisation");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(nameField, countryField, typeField, patientNote);
        dialog.setWidth("30rem");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    /** What choosing (or leaving) the kind "patient organisation" means for voting rounds. */
    private String patientNote(OrganisationRow existing, OrganisationType chosen) {
        boolean was = existing != null && existing.patientOrganisation();
        boolean is = chosen == OrganisationType.PATIENT_ORGANISATION;
        if (is && !was) {
            return getTranslation("admin.organisations.patient.becomes");
        }
        if (was && !is) {
            return getTranslation("admin.organisations.patient.stops");
        }
        return is ? getTranslation("admin.organisations.patient.tooltip") : "";
    }

    private void deactivateDialog(OrganisationRow organisation) {
        Div meaning = new Div(new Paragraph(getTranslation("admin.organisations.deactivate.people",
                organisation.activePeople())), new Paragraph(getTranslation("admin.organisations.deactivate.rest")));
        if (organisation.patientOrganisation()) {
            meaning.add(new Paragraph(getTranslation("admin.organisations.deactivate.patients")));
        }
        meaning.setId("deactivate-meaning");
        new ReasonDialog(getTranslation("admin.organisations.deactivate.title", organisation.name()), true)
                .explaining(meaning).width("34rem")
                .open(getTranslation("admin.organisations.deactivate.confirm"), "confirm-deactivate-organisation", true,
                        reason -> getTranslation("admin.organisations.deactivated", organisation.name(),
                                members.deactivateOrganisation(organisation.id(), reason)),
                        this::refresh);
    }

    private void reactivateDialog(OrganisationRow organisation) {
        new ReasonDialog(getTranslation("admin.organisations.reactivate.title", organisation.name()), false)
                .explaining(new Paragraph(getTranslation("admin.organisations.reactivate.text"))).width("32rem")
                .open(getTranslation("admin.organisations.reactivate.confirm"), "confirm-reactivate-organisation", false,
                        reason -> {
                            members.reactivateOrganisation(organisation.id(), reason);
                            return getTranslation("admin.organisations.reactivated", organisation.name());
                        }, this::refresh);
    }
}
