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
import org.consilium.ui.Formats;
import org.consilium.ui.ReadOnlyTable;
import org.consilium.ui.StaticMarkup;
import org.consilium.ui.Translations;
import org.jsoup.nodes.Element;

/**
 * A proposal as the portal shows it to whoever may read it: status in words, every section, documents,
 * versions and the timeline. Everything the applicant typed is shown as text (set as text, or escaped), never as
 * markup.
 */
public class ProposalReadout extends Div {

    public ProposalReadout(ProposalService proposals, ProposalDetails details) {
        ProposalContent c = details.content();
        String name = name(details);

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
        add(fields(t("proposal.section.project"),
                field(t("proposal.form.acronym"), c.getAcronym()),
                field(t("proposal.form.leadOrganisation"), c.getLeadOrganisation() == null ? null
                        : c.getLeadOrganisation().label()),
                field(t("proposal.form.principalInvestigator"), c.getPrincipalInvestigator() == null ? null
                        : c.getPrincipalInvestigator().label()),
                field(t("proposal.field.applicant"), details.applicant().label()),
                field(t("proposal.form.diseaseAreas"), Labels.of(c.getDiseaseAreas()))));
        add(section(t("proposal.section.team"), teamTable(c)));
        add(fields(t("proposal.section.science"), field(t("proposal.form.background"), c.getBackground()),
                field(t("proposal.form.objectives"), c.getObjectives()),
                field(t("proposal.form.methodology"), c.getMethodology())));
        add(fields(t("proposal.section.laySummary"),
                field(t("proposal.readout.words", Words.count(c.getLaySummary())), c.getLaySummary())));
        add(fields(t("proposal.section.data"),
                field(t("proposal.form.dataCategories"), Labels.of(c.getDataCategories())),
                field(t("proposal.form.dataLevel"), c.getDataLevel() == null ? null : Labels.of(c.getDataLevel())),
                field(t("proposal.field.estimatedCohortSize"), c.getEstimatedCohortSize() == null ? null
                        : t("proposal.readout.patients", c.getEstimatedCohortSize())),
                field(t("proposal.field.aiModelling"), yesWith(c.isUsesAiModelling(), c.getAiModellingDescription()))));
        add(fields(t("proposal.section.outputs"),
                field(t("proposal.form.expectedOutputs"), Labels.of(c.getExpectedOutputs())),
                field(t("proposal.field.duration"), c.getDurationMonths() == null ? null
                        : t("proposal.readout.months", c.getDurationMonths())),
                field(t("proposal.form.fundingSource"), c.getFundingSource()),
                field(t("proposal.field.commercialInterest"),
                        yesWith(c.isCommercialInterest(), c.getCommercialInterestDetails())),
                field(t("proposal.form.conflictsOfInterest"), c.getConflictsOfInterest())));
        // Nothing attached (a draft, say): the sentence, not an empty grid set up for nothing.
        add(section(t("proposal.section.attachments"), details.attachments().isEmpty()
                ? ReadOnlyTable.nothing("attachments", t("proposal.attachments.none"))
                : new AttachmentsPanel(proposals, details.id(), details.attachments(), false)));
        add(section(t("proposal.section.versions"), versionsTable(details)));
        add(section(t("proposal.section.timeline"), timelineTable(details)));
    }

    /** The proposal's reference, or its draft number before it has one, in the user's language. */
    static String name(ProposalDetails details) {
        return details.reference() != null ? details.reference() : t("proposal.draftName", String.valueOf(details.id()));
    }

    private static String yesWith(boolean yes, String details) {
        return yes ? t("proposal.readout.yesWith", orDash(details)) : t("proposal.readout.no");
    }

    /** What changed since an earlier version: by default the one before the latest. */
    private static Div changes(ProposalService proposals, ProposalDetails details) {
        int latest = details.versions().get(details.versions().size() - 1).number();
        com.vaadin.flow.component.select.Select<Integer> since = new com.vaadin.flow.component.select.Select<>();
        since.setLabel(t("proposal.changes.since", latest));
        since.setItems(details.versions().stream().map(VersionInfo::number).filter(n -> n < latest).toList());
        since.setId("compare-since");
        since.setWidth("20em");
        Grid<VersionChange> grid = new Grid<>();
        grid.setId("version-changes");
        grid.addColumn(change -> t(change.fieldKey())).setHeader(t("proposal.changes.field")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(VersionChange::before).setHeader(t("proposal.changes.before")).setFlexGrow(1);
        grid.addColumn(VersionChange::after).setHeader(t("proposal.changes.after")).setFlexGrow(1);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(t("proposal.changes.none"));
        since.addValueChangeListener(e -> grid.setItems(proposals.changes(details.id(), e.getValue(), latest)));
        since.setValue(latest - 1);
        return section(t("proposal.changes.title"), since, grid);
    }

    private static String statusLine(ProposalDetails details) {
        if (details.submittedAt() == null) {
            return t("proposal.readout.notSubmitted", Formats.dateTime(details.updatedAt()));
        }
        VersionInfo latest = details.versions().get(details.versions().size() - 1);
        String line = t("proposal.readout.submitted", String.valueOf(latest.number()),
                Formats.dateTime(latest.submittedAt()), latest.submittedBy());
        return latest.number() == 1 ? line
                : line + " " + t("proposal.readout.firstSubmitted", Formats.dateTime(details.submittedAt()));
    }

    private static Component teamTable(ProposalContent content) {
        String portalMember = t("proposal.team.portalMember");
        return new ReadOnlyTable<TeamMemberEntry>()
                .column(t("proposal.team.column.name"), TeamMemberEntry::getFullName)
                .column(t("proposal.team.column.organisation"), TeamMemberEntry::getOrganisationName)
                .column(t("proposal.team.column.role"), TeamMemberEntry::getProjectRole)
                .narrowColumn("", m -> m.getPersonId() == null ? "" : portalMember)
                .of("team", content.getTeam(), t("proposal.team.none"));
    }

    private static Component versionsTable(ProposalDetails details) {
        return new ReadOnlyTable<VersionInfo>()
                .narrowColumn(t("proposal.versions.number"), v -> String.valueOf(v.number()))
                .column(t("proposal.versions.submitted"), v -> Formats.dateTime(v.submittedAt()))
                .column(t("proposal.versions.by"), VersionInfo::submittedBy)
                .of("versions", details.versions(), t("proposal.versions.none"));
    }

    private static Div section(String heading, Component... content) {
        Div section = new Div(new H3(heading));
        section.addClassName("form-section");
        section.add(content);
        return section;
    }

    /** A label and what the applicant gave (a dash when nothing). */
    private record Field(String label, String value) {
    }

    private static Field field(String label, String value) {
        return new Field(label, value);
    }

    /** A section of labels and values: read only, so sent as one block of escaped markup, not a component each. */
    private static Component fields(String heading, Field... fields) {
        return StaticMarkup.of("div", section -> {
            section.addClass("form-section");
            section.appendElement("h3").text(heading);
            for (Field field : fields) {
                Element pair = section.appendElement("div");
                pair.appendElement("p").addClass("field-label").text(field.label());
                // text(): whatever the applicant typed, markup included, is escaped and shown as text.
                pair.appendElement("p").addClass("field-value").text(orDash(field.value()));
            }
        });
    }

    private static Component timelineTable(ProposalDetails details) {
        String workflow = t("proposal.timeline.workflow");
        return new ReadOnlyTable<TimelineEntry>()
                .narrowColumn(t("proposal.timeline.when"), e -> Formats.dateTime(e.occurredAt()))
                .column(t("proposal.timeline.who"), e -> e.byWorkflow() ? workflow : e.actor())
                .column(t("proposal.timeline.what"), ProposalReadout::what)
                .column(t("proposal.timeline.why"), TimelineEntry::reason)
                .of("timeline", details.timeline(), t("proposal.timeline.none"));
    }

    private static String what(TimelineEntry entry) {
        String kind = Labels.of(entry.kind());
        return entry.version() == null ? kind : t("proposal.timeline.withVersion", kind, String.valueOf(entry.version()));
    }

    private static String t(String key, Object... arguments) {
        return Translations.t(key, arguments);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
