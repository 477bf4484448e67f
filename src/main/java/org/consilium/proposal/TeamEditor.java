package org.consilium.proposal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import org.consilium.member.MemberService;
import org.consilium.member.PersonSummary;
import org.consilium.member.Role;

/**
 * The project team: one row per member. Picking a portal member fills name and organisation from the
 * directory and lets that person open the proposal; others are typed in.
 */
class TeamEditor extends CustomField<List<TeamMemberEntry>> {

    private final MemberService members;
    private final VerticalLayout rows = new VerticalLayout();
    private final List<Row> rowList = new ArrayList<>();

    TeamEditor(MemberService members) {
        this.members = members;
        rows.setPadding(false);
        rows.setSpacing(false);
        Button add = new Button(getTranslation("proposal.team.add"), VaadinIcon.PLUS.create(), e -> {
            addRow(new TeamMemberEntry());
            updateValue();
        });
        add.setId("add-team-member");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div wrapper = new Div(rows, add);
        wrapper.setWidthFull();
        add(wrapper);
        setWidthFull();
    }

    @Override
    protected List<TeamMemberEntry> generateModelValue() {
        return rowList.stream().map(Row::entry).toList();
    }

    @Override
    protected void setPresentationValue(List<TeamMemberEntry> value) {
        rows.removeAll();
        rowList.clear();
        if (value != null) {
            value.forEach(this::addRow);
        }
    }

    /** Marks one field of one row, e.g. {@code team[1].projectRole}. */
    void showProblem(int index, String property, String message) {
        if (index >= 0 && index < rowList.size()) {
            TextField field = switch (property) {
                case "fullName" -> rowList.get(index).name;
                case "organisationName" -> rowList.get(index).organisation;
                default -> rowList.get(index).role;
            };
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
    }

    private void addRow(TeamMemberEntry entry) {
        Row row = new Row(entry);
        rowList.add(row);
        rows.add(row.layout);
    }

    private final class Row {

        private final ComboBox<PersonSummary> member = new ComboBox<>(getTranslation("proposal.team.member"));
        private final TextField name = new TextField(getTranslation("proposal.team.name"));
        private final TextField organisation = new TextField(getTranslation("proposal.team.organisation"));
        private final TextField role = new TextField(getTranslation("proposal.team.role"));
        private final HorizontalLayout layout = new HorizontalLayout();
        private Long personId;

        Row(TeamMemberEntry entry) {
            member.setItems(query -> members.findPeopleWithRole(Role.RESEARCHER, query.getFilter().orElse(""),
                    query.getOffset(), query.getLimit()).stream(),
                    query -> members.countPeopleWithRole(Role.RESEARCHER, query.getFilter().orElse("")));
            member.setItemLabelGenerator(PersonSummary::label);
            member.setClearButtonVisible(true);
            member.setWidth("16em");
            member.addClassName("team-member-person");
            name.addClassName("team-member-name");
            organisation.addClassName("team-member-organisation");
            role.addClassName("team-member-role");
            name.setMaxLength(200);
            organisation.setMaxLength(200);
            role.setMaxLength(100);
            for (TextField field : List.of(name, organisation, role)) {
                field.setValueChangeMode(ValueChangeMode.ON_BLUR);
                field.addValueChangeListener(e -> {
                    field.setInvalid(false);
                    updateValue();
                });
            }
            personId = entry.getPersonId();
            name.setValue(nullToEmpty(entry.getFullName()));
            organisation.setValue(nullToEmpty(entry.getOrganisationName()));
            role.setValue(nullToEmpty(entry.getProjectRole()));
            if (personId != null) {
                member.setValue(new PersonSummary(personId, entry.getFullName(), null, entry.getOrganisationName()));
                lockNames(true);
            }
            member.addValueChangeListener(e -> {
                if (!e.isFromClient()) {
                    return;
                }
                PersonSummary picked = e.getValue();
                personId = picked == null ? null : picked.id();
                if (picked != null) {
                    name.setValue(picked.fullName());
                    organisation.setValue(picked.organisationName());
                }
                lockNames(picked != null);
                updateValue();
            });
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                rowList.remove(this);
                rows.remove(layout);
                updateValue();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("proposal.team.remove"));
            remove.setTooltipText(getTranslation("proposal.team.remove"));
            layout.add(member, name, organisation, role, remove);
            layout.setAlignItems(FlexComponent.Alignment.BASELINE);
            layout.setWidthFull();
            layout.addClassName("team-member-row");
        }

        private void lockNames(boolean fromDirectory) {
            name.setReadOnly(fromDirectory);
            organisation.setReadOnly(fromDirectory);
        }

        TeamMemberEntry entry() {
            return new TeamMemberEntry(personId, name.getValue(), organisation.getValue(), role.getValue());
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
