package org.consilium.ethics;

import java.time.Clock;
import java.util.Optional;
import org.consilium.proposal.AttachmentKind;
import org.consilium.proposal.ProposalEventKind;
import org.consilium.proposal.ProposalLifecycleSteps;
import org.consilium.proposal.ProposalNotValid;
import org.consilium.proposal.ProposalStatus;
import org.consilium.security.ConsiliumUser;
import org.consilium.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ethics board's review. A full review cannot be completed without the institution's ethics
 * approval attached; conditions of an approval are kept for the agreement.
 */
@Service
@Transactional
public class EthicsReviewService {

    private final EthicsDecisionRepository decisions;
    private final ProposalLifecycleSteps proposals;
    private final CurrentUser currentUser;
    private final Clock clock;

    EthicsReviewService(EthicsDecisionRepository decisions, ProposalLifecycleSteps proposals, CurrentUser currentUser,
                        Clock clock) {
        this.decisions = decisions;
        this.proposals = proposals;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Records a decision; the workflow's task service passes it to the engine in the same transaction. */
    @PreAuthorize("hasRole('ETHICS_REVIEWER')")
    public void decide(Long proposalId, EthicsRoute route, EthicsOutcome outcome, String conditions, String comment) {
        ConsiliumUser reviewer = currentUser.require();
        // Only a proposal under review has an ethics review open: not a draft, not one already decided.
        if (proposals.status(proposalId) != ProposalStatus.UNDER_REVIEW) {
            throw ProposalNotValid.decision("decision", "This proposal is not under ethics review: "
                    + proposals.status(proposalId).label().toLowerCase() + ".");
        }
        String conditionText = strip(conditions);
        String commentText = strip(comment);
        if (outcome == null) {
            throw ProposalNotValid.decision("decision", "Choose a decision");
        }
        if (outcome == EthicsOutcome.APPROVE_WITH_CONDITIONS && conditionText == null) {
            throw ProposalNotValid.decision("conditions", "State the conditions: they go into the data-access agreement");
        }
        if ((outcome == EthicsOutcome.REQUEST_CHANGES || outcome == EthicsOutcome.REJECT) && commentText == null) {
            throw ProposalNotValid.decision("comment", outcome == EthicsOutcome.REJECT ? "Give the reason for the rejection"
                    : "Tell the applicant what to change");
        }
        if (length(conditionText) > 4_000 || length(commentText) > 4_000) {
            throw ProposalNotValid.decision(length(conditionText) > 4_000 ? "conditions" : "comment", "At most 4000 characters");
        }
        boolean approves = outcome == EthicsOutcome.APPROVE || outcome == EthicsOutcome.APPROVE_WITH_CONDITIONS;
        if (route == EthicsRoute.FULL && approves
                && !proposals.hasAttachment(proposalId, AttachmentKind.ETHICS_APPROVAL)) {
            throw ProposalNotValid.decision("decision", "A full review cannot approve without the institution's ethics approval"
                    + " attached: request changes instead, asking the applicant to attach it");
        }
        decisions.save(new EthicsDecision(proposalId, reviewer.personId(), route, outcome,
                outcome == EthicsOutcome.APPROVE_WITH_CONDITIONS ? conditionText : null, commentText, clock.instant()));
        proposals.recordDecision(proposalId, switch (outcome) {
            case APPROVE -> ProposalEventKind.ETHICS_APPROVED;
            case APPROVE_WITH_CONDITIONS -> ProposalEventKind.ETHICS_APPROVED_WITH_CONDITIONS;
            case REQUEST_CHANGES -> ProposalEventKind.CHANGES_REQUESTED;
            case REJECT -> ProposalEventKind.ETHICS_REJECTED;
        }, outcome == EthicsOutcome.APPROVE_WITH_CONDITIONS ? conditionText : commentText);
    }

    /** The conditions of the latest approval, to be carried into the agreement. */
    @Transactional(readOnly = true)
    public Optional<String> conditionsFor(Long proposalId) {
        return decisions.findByProposalIdOrderByDecidedAtDescIdDesc(proposalId).stream().findFirst()
                .map(EthicsDecision::getConditions);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
