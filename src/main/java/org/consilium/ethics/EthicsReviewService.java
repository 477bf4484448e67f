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
import org.consilium.ui.Translations;
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
    private final Translations translations;

    EthicsReviewService(EthicsDecisionRepository decisions, ProposalLifecycleSteps proposals, CurrentUser currentUser,
                        Clock clock, Translations translations) {
        this.translations = translations;
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
            throw ProposalNotValid.decision("decision", translations.translate("ethics.refused.notUnderReview",
                    proposals.status(proposalId).label().toLowerCase()));
        }
        String conditionText = strip(conditions);
        String commentText = strip(comment);
        if (outcome == null) {
            throw ProposalNotValid.decision("decision", translations.translate("ethics.refused.chooseDecision"));
        }
        if (outcome == EthicsOutcome.APPROVE_WITH_CONDITIONS && conditionText == null) {
            throw ProposalNotValid.decision("conditions", translations.translate("ethics.refused.conditions"));
        }
        if ((outcome == EthicsOutcome.REQUEST_CHANGES || outcome == EthicsOutcome.REJECT) && commentText == null) {
            throw ProposalNotValid.decision("comment", outcome == EthicsOutcome.REJECT
                    ? translations.translate("ethics.refused.rejectionReason")
                    : translations.translate("ethics.refused.whatToChange"));
        }
        if (length(conditionText) > 4_000 || length(commentText) > 4_000) {
            throw ProposalNotValid.decision(length(conditionText) > 4_000 ? "conditions" : "comment",
                    translations.translate("ethics.refused.tooLong"));
        }
        boolean approves = outcome == EthicsOutcome.APPROVE || outcome == EthicsOutcome.APPROVE_WITH_CONDITIONS;
        if (route == EthicsRoute.FULL && approves
                && !proposals.hasAttachment(proposalId, AttachmentKind.ETHICS_APPROVAL)) {
            throw ProposalNotValid.decision("decision", translations.translate("ethics.refused.approvalMissing"));
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
