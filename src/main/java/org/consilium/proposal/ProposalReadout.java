package org.consilium.proposal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.consilium.ui.Formats;

/**
 * A proposal as the portal shows it to whoever may read it: status in words, every section, documents,
 * versions and the timeline. Everything the applicant typed is set as text, never as markup.
 */
public class ProposalReadout extends Div {

    public ProposalReadout(ProposalService proposals, ProposalDetails details) {
        ProposalContent c = details.content();
        String name = details.reference() != null ? details.reference() : "Draft #" + details.id();

        Span reference = new Span(name);
        reference.addClassName("reference");
        reference.setId("proposal-reference");
        H2 heading = new H2(reference, new Span(" — " + orDash(c.getTitle())));
        HorizontalLayout header = new HorizontalLayout(heading, new StatusBadge(details.status()));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setId("proposal-header");
        add(header);
        Paragraph status = new Paragraph(statusLine(details));
        status.setId("proposal-status-line");
        add(status);
        if (details.versions().size() > 1) {
            add(changes(proposals, details));
        }
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
        add(section("Timeline", timelineGrid(details)));
    }

    /** What changed since an earlier version: by default the one before the latest. */
    private static Div changes(ProposalService proposals, ProposalDetails details) {
        int latest = details.versions().get(details.versions().size() - 1).number();
        com.vaadin.flow.component.select.Select<Integer> since = new com.vaadin.flow.component.select.Select<>();
        since.setLabel("Changes in version " + latest + " since version");
        since.setItems(details.versions().stream().map(VersionInfo::number).filter(n -> n < latest).toList());
        since.setId("compare-since");
        Grid<VersionChange> grid = new Grid<>();
        grid.setId("version-changes");
        grid.addColumn(VersionChange::field).setHeader("Field").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(VersionChange::before).setHeader("Before").setFlexGrow(1);
        grid.addColumn(VersionChange::after).setHeader("Now").setFlexGrow(1);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No field changed (attachments may have).");
        since.addValueChangeListener(e -> grid.setItems(proposals.changes(details.id(), e.getValue(), latest)));
        since.setValue(latest - 1);
        return section("What changed", since, grid);
    }

    private static String statusLine(ProposalDetails details) {
        if (details.submittedAt() == null) {
            return "Not submitted yet. Last saved " + Formats.dateTime(details.updatedAt()) + ".";
        }
        VersionInfo latest = details.versions().get(details.versions().size() - 1);
        String line = "Version " + latest.number() + " submitted " + Formats.dateTime(latest.submittedAt())
                + " by " + latest.submittedBy() + ".";
        return latest.number() == 1 ? line
                : line + " First submitted " + Formats.dateTime(details.submittedAt()) + ".";
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

    private static Grid<TimelineEntry> timelineGrid(ProposalDetails details) {
        Grid<TimelineEntry> grid = new Grid<>();
        grid.setId("timeline");
        grid.addColumn(e -> Formats.dateTime(e.occurredAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TimelineEntry::actor).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.kind().label() + (e.version() == null ? "" : " (version " + e.version() + ")"))
                .setHeader("What").setAutoWidth(true);
        grid.addColumn(e -> e.reason() == null ? "" : e.reason()).setHeader("Why").setFlexGrow(1);
        grid.setItems(details.timeline());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("Nothing has happened yet.");
        return grid;
    }

    private static <E> String labels(Collection<E> values, Function<E, String> label) {
        return values.stream().map(label).collect(Collectors.joining(", "));
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
