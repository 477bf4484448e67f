package org.consilium.cockpit;

import java.time.Instant;
import org.consilium.agreement.AgreementStatus;
import org.consilium.proposal.ProposalStatus;

/** The rows of the cockpit's lists. */
public final class Lines {

    private Lines() {
    }

    /** Filters of the proposal list: a status (null: every submitted proposal) and text in reference, title or acronym. */
    public record ProposalFilter(ProposalStatus status, String text) {
    }

    public record ProposalLine(Long id, String reference, String title, String acronym, ProposalStatus status,
                               String leadOrganisation, Instant submittedAt, Instant updatedAt) {
    }

    /** Filters of the task list: by due date, a step (null: all) and text in the proposal's reference. */
    public record TaskFilter(TaskDue due, String step, String reference) {
    }

    /** An open task; {@code offeredTo} is the candidate group when nobody holds it. */
    public record TaskLine(String taskId, String name, String step, Long proposalId, String reference,
                           String proposalTitle, Instant created, Instant due, String assignee, String offeredTo) {
    }

    /** Filters of the agreement list. */
    public record AgreementFilter(AgreementShow show, String text) {
    }

    /** An agreement; {@code sentAt} is when its latest version went out for signature. */
    public record AgreementLine(Long proposalId, String reference, String title, String leadOrganisation,
                                AgreementStatus status, Instant sentAt, Instant accessEndsAt) {
    }

    /** Filters of the list behind a stage's figures: the stays in that stage that ended in the period. */
    public record StayFilter(Stage stage, ReportingPeriod period) {
    }

    /** A proposal's time in a stage: the sum of its stays there that ended in the period, the last ending at {@code leftAt}. */
    public record StayLine(Long proposalId, String reference, String title, long seconds, Instant leftAt) {

        public double days() {
            return seconds / 86_400.0;
        }
    }
}
