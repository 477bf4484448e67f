package org.consilium.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Optional;
import org.consilium.proposal.ProposalDetails;
import org.consilium.proposal.ProposalPageSection;
import org.consilium.proposal.Labels;
import org.consilium.ui.Formats;
import org.consilium.ui.ReadOnlyTable;
import org.consilium.ui.Translations;

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
        Div section = new Div(new H3(Translations.t("review.section.title")));
        section.addClassName("form-section");
        section.setId("patient-review");
        if (results.open()) {
            section.add(new Paragraph(Translations.t(results.extended() ? "review.section.openExtended"
                    : "review.section.open", Formats.dateTime(results.deadline()))));
            if (!results.organisationsVoted().isEmpty() || !viewerIsApplicant) {
                section.add(new Paragraph(results.organisationsVoted().isEmpty()
                        ? Translations.t("review.section.noneVoted", results.organisations())
                        : Translations.t("review.section.voted", results.organisationsVoted().size(),
                                results.organisations(), String.join(", ", results.organisationsVoted()))));
            }
            return Optional.of(section);
        }
        if (results.votes().isEmpty() && results.organisationsVoted().isEmpty()) {
            section.add(new Paragraph(Translations.t("review.section.closed")));
            return Optional.of(section);
        }
        section.add(new Paragraph(Translations.t("review.section.outcome", outcome(results.outcome()),
                results.organisations(),
                results.count(VoteChoice.APPROVE) + results.count(VoteChoice.APPROVE_WITH_RECOMMENDATIONS),
                results.count(VoteChoice.APPROVE_WITH_RECOMMENDATIONS), results.count(VoteChoice.REJECT),
                results.count(VoteChoice.ABSTAIN), results.organisations() - results.votes().size())));
        section.add(new ReadOnlyTable<RoundResults.OrganisationVote>()
                .column(Translations.t("review.section.organisation"), RoundResults.OrganisationVote::organisation)
                .column(Translations.t("review.section.vote"), v -> Labels.of(v.choice()))
                .column(Translations.t("review.section.comment"), RoundResults.OrganisationVote::comment)
                .of("round-results", results.votes(), ""));
        return Optional.of(section);
    }

    private static String outcome(String outcome) {
        if (outcome == null) {
            return Translations.t("review.outcome.counting");
        }
        return switch (outcome) {
            case "APPROVED" -> Translations.t("review.outcome.approved");
            case "REJECTED" -> Translations.t("review.outcome.rejected");
            default -> Translations.t("review.outcome.noQuorum");
        };
    }
}
