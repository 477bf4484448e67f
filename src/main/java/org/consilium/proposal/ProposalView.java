package org.consilium.proposal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.consilium.ui.Formats;

/**
 * A proposal as submitted (or a draft, for its applicant). Anyone signed in may ask for it; the service
 * decides, record by record, and a refusal is shown as such.
 */
@Route("proposals/:proposalId([0-9]{1,18})")
@PermitAll
class ProposalView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final String PARAMETER = "proposalId";

    private final ProposalService proposals;
    private String title = "Proposal · Consilium";

    ProposalView(ProposalService proposals) {
        this.proposals = proposals;
        addClassName("page");
    }

    static RouteParameters parameters(Long proposalId) {
        return new RouteParameters(PARAMETER, String.valueOf(proposalId));
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long id = Long.valueOf(event.getRouteParameters().get(PARAMETER).orElseThrow());
        try {
            show(proposals.details(id));
        } catch (ProposalNotFound e) {
            event.rerouteToError(NotFoundException.class, e.getMessage());
        } catch (ProposalAccessDenied e) {
            event.rerouteToError(AccessDeniedException.class, e.getMessage());
        }
    }

    private void show(ProposalDetails details) {
        removeAll();
        ProposalContent c = details.content();
        String name = details.reference() != null ? details.reference() : "Draft #" + details.id();
        title = name + " · Consilium";

        Span reference = new Span(name);
        reference.addClassName("reference");
        reference.setId("proposal-reference");
        H2 heading = new H2(reference, new Span(" — " + orDash(c.getTitle())));
        HorizontalLayout header = new HorizontalLayout(heading, new StatusBadge(details.status()));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setId("proposal-header");
        if (details.editable()) {
            Button edit = new Button("Edit draft", VaadinIcon.EDIT.create(), e -> getUI().ifPresent(
                    ui -> ui.navigate(ProposalEditorView.class, ProposalEditorView.parameters(details.id()))));
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(edit);
        }
        add(header);
        Paragraph status = new Paragraph(details.submittedAt() == null
                ? "Not submitted yet. Last saved " + Formats.dateTime(details.updatedAt()) + "."
                : "Version " + details.currentVersion() + " submitted " + Formats.dateTime(details.submittedAt())
                  + " by " + details.applicant().fullName() + ". A submitted version can no longer be edited.");
        status.setId("proposal-status-line");
        add(status);

        add(section("Project",
                field("Acronym", c.getAcronym()),
                field("Lead organisation", c.getLeadOrganisation() == null ? null : c.getLeadOrganisation().label()),
                field("Principal investigator", c.getPrincipalInvestigator() == null ? null
                        : c.getPrincipalInvestigator().label()),
                field("Applicant", details.applicant().label()),
                field("Disease areas", labels(c.getDiseaseAreas(), DiseaseArea::label))));
        add(section("Team", teamGrid(c)));
        add(section("Science", field("Background", c.getBackground()), field("Objectives", c.getObjectives()),
                field("Methodology and statistical plan", c.getMethodology())));
        add(section("Lay summary", field(Words.count(c.getLaySummary()) + " words", c.getLaySummary())));
        add(section("Data requested",
                field("Data categories", labels(c.getDataCategories(), DataCategory::label)),
                field("Level of data", c.getDataLevel() == null ? null : c.getDataLevel().label()),
                field("Estimated cohort size", c.getEstimatedCohortSize() == null ? null
                        : String.format("%,d patients", c.getEstimatedCohortSize())),
                field("AI / ML modelling", c.isUsesAiModelling() ? "Yes — " + c.getAiModellingDescription() : "No")));
        add(section("Outputs, funding and interests",
                field("Expected outputs", labels(c.getExpectedOutputs(), ExpectedOutput::label)),
                field("Duration", c.getDurationMonths() == null ? null : c.getDurationMonths() + " months"),
                field("Funding source", c.getFundingSource()),
                field("Commercial interest", c.isCommercialInterest() ? "Yes — " + c.getCommercialInterestDetails() : "No"),
                field("Declared conflicts of interest", c.getConflictsOfInterest())));
        add(section("Attachments", new AttachmentsPanel(proposals, details.id(), details.attachments(), false)));
        add(section("Versions", versionsGrid(details)));
    }

    private static Grid<TeamMemberEntry> teamGrid(ProposalContent content) {
        Grid<TeamMemberEntry> grid = new Grid<>();
        grid.addColumn(TeamMemberEntry::getFullName).setHeader("Name");
        grid.addColumn(TeamMemberEntry::getOrganisationName).setHeader("Organisation");
        grid.addColumn(TeamMemberEntry::getProjectRole).setHeader("Role");
        grid.addColumn(m -> m.getPersonId() == null ? "" : "portal member").setHeader("").setAutoWidth(true);
        grid.setItems(content.getTeam());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("No team members listed.");
        return grid;
    }

    private static Grid<VersionInfo> versionsGrid(ProposalDetails details) {
        Grid<VersionInfo> grid = new Grid<>();
        grid.setId("versions");
        grid.addColumn(VersionInfo::number).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> Formats.dateTime(v.submittedAt())).setHeader("Submitted");
        grid.addColumn(VersionInfo::submittedBy).setHeader("By");
        grid.setItems(details.versions());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("Not submitted yet.");
        return grid;
    }

    private static Div section(String heading, Component... content) {
        Div section = new Div(new H3(heading));
        section.addClassName("form-section");
        section.add(content);
        return section;
    }

    private static Div field(String label, String value) {
        Paragraph l = new Paragraph(label);
        l.addClassName("field-label");
        // setText: whatever the applicant typed, markup included, is shown as text.
        Paragraph v = new Paragraph(orDash(value));
        v.addClassName("field-value");
        return new Div(l, v);
    }

    private static <E> String labels(Collection<E> values, Function<E, String> label) {
        return values.stream().map(label).collect(Collectors.joining(", "));
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
