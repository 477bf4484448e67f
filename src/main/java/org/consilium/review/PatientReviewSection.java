package org.consilium.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Optional;
import org.consilium.proposal.ProposalDetails;
import org.consilium.proposal.ProposalPageSection;
import org.consilium.ui.Formats;

/**
 * The voting round on the proposal page: while open, staff see who has voted (not how); once closed,
 * applicant and staff see the tally and the comments, attributed to organisations.
 */
@org.springframework.stereotype.Component
class PatientReviewSection implements ProposalPageSection {

    private final PatientReviewService review;

    PatientReviewSection(PatientReviewService review) {
        this.review = review;
    }

    @Override
    public Optional<Component> section(ProposalDetails details, boolean viewerIsApplicant) {
        if (!review.hasRound(details.id())) {
            return Optional.empty();
        }
        RoundResults results;
        try {
            results = review.results(details.id());
        } catch (VoteRefused notForThisViewer) {
            return Optional.empty(); // e.g. a team member or a signatory: the round is not theirs to see
        }
        Div section = new Div(new H3("Patient review"));
        section.addClassName("form-section");
        section.setId("patient-review");
        if (results.open()) {
            section.add(new Paragraph("The voting round is open until " + Formats.dateTime(results.deadline())
                    + (results.extended() ? " (extended)" : "") + ". Votes are sealed until it closes."));
            if (!results.organisationsVoted().isEmpty() || !viewerIsApplicant) {
                section.add(new Paragraph(results.organisationsVoted().size() + " of " + results.organisations()
                        + " organisations have voted" + (results.organisationsVoted().isEmpty() ? "."
                        : ": " + String.join(", ", results.organisationsVoted()) + ".")));
            }
            return Optional.of(section);
        }
        if (results.votes().isEmpty() && results.organisationsVoted().isEmpty()) {
            section.add(new Paragraph("The voting round has closed."));
            return Optional.of(section);
        }
        section.add(new Paragraph("Outcome: " + outcome(results.outcome()) + ". " + results.organisations()
                + " organisations; " + (results.count(VoteChoice.APPROVE) + results.count(VoteChoice.APPROVE_WITH_RECOMMENDATIONS))
                + " approved (" + results.count(VoteChoice.APPROVE_WITH_RECOMMENDATIONS) + " with recommendations), "
                + results.count(VoteChoice.REJECT) + " rejected, " + results.count(VoteChoice.ABSTAIN) + " abstained, "
                + (results.organisations() - results.votes().size()) + " did not vote."));
        Grid<RoundResults.OrganisationVote> grid = new Grid<>();
        grid.setId("round-results");
        grid.addColumn(RoundResults.OrganisationVote::organisation).setHeader("Organisation").setAutoWidth(true);
        grid.addColumn(v -> v.choice().label()).setHeader("Vote").setAutoWidth(true);
        grid.addColumn(v -> v.comment() == null ? "" : v.comment()).setHeader("Comment").setFlexGrow(1);
        grid.setItems(results.votes());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        section.add(grid);
        return Optional.of(section);
    }

    private static String outcome(String outcome) {
        if (outcome == null) {
            return "being counted";
        }
        return switch (outcome) {
            case "APPROVED" -> "approved";
            case "REJECTED" -> "rejected";
            default -> "no quorum";
        };
    }
}
