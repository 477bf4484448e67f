package org.consilium.workflow;

import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.consilium.ethics.EthicsOutcome;
import org.consilium.ethics.EthicsReviewService;
import org.consilium.ethics.EthicsRoute;
import org.consilium.proposal.ProposalEventKind;
import org.consilium.proposal.ProposalLifecycleSteps;
import org.consilium.proposal.ProposalNotValid;
import org.consilium.review.Declaration;
import org.consilium.review.PatientReviewService;
import org.consilium.review.VoteChoice;
import org.consilium.review.VoteRefused;
import org.consilium.security.ConsiliumUser;
import org.consilium.security.CurrentUser;
import org.consilium.ui.Translations;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acting on governance tasks. Every decision is checked (role, task still open, reason where one is
 * required), written to the proposal's timeline and passed to the engine, in one transaction.
 */
@Service
@Transactional
public class GovernanceTaskService {

    private final TaskService tasks;
    private final OpenTasks openTasks;
    private final ProposalLifecycleSteps proposals;
    private final CurrentUser currentUser;
    private final PatientReviewService patientReview;
    private final EthicsReviewService ethics;
    private final Translations translations;

    private final TransactionTemplate inNewTransaction;
    /** Votes cast again because another one completed the same round at the same moment, since start-up. */
    private final AtomicLong concurrentVotesCastAgain = new AtomicLong();

    GovernanceTaskService(TaskService tasks, OpenTasks openTasks, ProposalLifecycleSteps proposals,
                          CurrentUser currentUser, PatientReviewService patientReview, EthicsReviewService ethics,
                          Translations translations, PlatformTransactionManager transactionManager) {
        this.inNewTransaction = new TransactionTemplate(transactionManager);
        this.ethics = ethics;
        this.translations = translations;
        this.tasks = tasks;
        this.openTasks = openTasks;
        this.proposals = proposals;
        this.currentUser = currentUser;
        this.patientReview = patientReview;
    }

    /** The vote a representative's organisation still has to cast; refused to anyone else. */
    @PreAuthorize("hasRole('PATIENT_REPRESENTATIVE')")
    @Transactional(readOnly = true)
    public VoteTask openVote(String taskId) {
        OpenVote vote = vote(taskId);
        return new VoteTask(vote.taskId(), vote.proposalId(), vote.organisationId(),
                currentUser.require().organisationName(), patientReview.declaration(vote.proposalId()));
    }

    /** A vote task open to the signed-in representative's organisation: the checks of {@link #openVote}. */
    private record OpenVote(String taskId, Long proposalId, Long organisationId) {
    }

    private OpenVote vote(String taskId) {
        Task task = openTasks.open(taskId, ProposalLifecycle.CAST_VOTE_TASK);
        long[] about = openTasks.proposalIdAnd(task, "organisationId");
        Long organisationId = about[1];
        if (!organisationId.equals(currentUser.require().organisationId())) {
            throw new TaskGone();
        }
        return new OpenVote(task.getId(), about[0], organisationId);
    }

    /** Declares; returns the vote as it now stands, so that its screen need not read it again. */
    @PreAuthorize("hasRole('PATIENT_REPRESENTATIVE')")
    public VoteTask declareConflicts(String taskId, boolean hasConflict, String details) {
        // the declaration so far is the review service's to check, in this transaction: not read here as well
        OpenVote vote = vote(taskId);
        patientReview.declare(vote.proposalId(), vote.organisationId(), hasConflict, details);
        return new VoteTask(vote.taskId(), vote.proposalId(), vote.organisationId(),
                currentUser.require().organisationName(), hasConflict ? Declaration.CONFLICT : Declaration.NO_CONFLICT);
    }

    /** How often a vote is tried when other organisations' votes keep completing the same round at that moment. */
    static final int VOTE_ATTEMPTS = 3;

    /**
     * The organisation's vote: recorded, and its task done, in one transaction. When another organisation's vote
     * completed the same round at that very moment (the engine counts the round's votes on one row), this one rolls
     * back and is cast again in a new transaction, up to {@link #VOTE_ATTEMPTS} times; nothing of the first attempt
     * remains. Called inside a transaction of the caller's, it is tried once, in that transaction.
     */
    @PreAuthorize("hasRole('PATIENT_REPRESENTATIVE')")
    @Transactional(propagation = Propagation.SUPPORTS)
    public void castVote(String taskId, VoteChoice choice, String comment) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            castOnce(taskId, choice, comment);
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                inNewTransaction.executeWithoutResult(status -> castOnce(taskId, choice, comment));
                return;
            } catch (ConcurrentVote concurrent) {
                concurrentVotesCastAgain.incrementAndGet();
                if (attempt == VOTE_ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }

    /** Votes cast again because another one completed the same round at the same moment, since start-up. */
    long concurrentVotesCastAgain() {
        return concurrentVotesCastAgain.get();
    }

    private void castOnce(String taskId, VoteChoice choice, String comment) {
        OpenVote vote = vote(taskId);
        patientReview.castVote(vote.proposalId(), vote.organisationId(), choice, comment);
        try {
            tasks.complete(vote.taskId());
        } catch (OptimisticLockingException concurrent) {
            // Another organisation's vote completed the same round at this very moment; this attempt rolls back.
            throw new ConcurrentVote(translations.translate("workflow.refused.concurrentVote"));
        }
    }

    /** A vote that rolled back because another one completed the same round at the same moment. */
    static final class ConcurrentVote extends VoteRefused {

        ConcurrentVote(String message) {
            super(message);
        }
    }

    /** An open ethics review: its proposal and its route. */
    public record EthicsTask(String taskId, Long proposalId, EthicsRoute route) {
    }

    @PreAuthorize("hasRole('ETHICS_REVIEWER')")
    @Transactional(readOnly = true)
    public EthicsTask openEthicsReview(String taskId) {
        return ethicsTask(openEthicsTask(taskId));
    }

    /** The ethics board's decision: recorded and passed to the engine in one transaction. */
    @PreAuthorize("hasRole('ETHICS_REVIEWER')")
    public void reviewEthics(String taskId, EthicsOutcome outcome, String conditions, String comment) {
        Task task = openEthicsTask(taskId);
        EthicsTask review = ethicsTask(task);
        ethics.decide(review.proposalId(), review.route(), outcome, conditions, comment);
        openTasks.complete(task, outcome.name());
    }

    private Task openEthicsTask(String taskId) {
        return openTasks.open(taskId, ProposalLifecycle.EXPEDITED_ETHICS_REVIEW_TASK, ProposalLifecycle.FULL_ETHICS_REVIEW_TASK);
    }

    private EthicsTask ethicsTask(Task task) {
        return new EthicsTask(task.getId(), openTasks.proposalId(task),
                ProposalLifecycle.FULL_ETHICS_REVIEW_TASK.equals(task.getTaskDefinitionKey())
                        ? EthicsRoute.FULL : EthicsRoute.EXPEDITED);
    }

    /** The proposal a quorum decision is about. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional(readOnly = true)
    public Long proposalOfQuorumDecision(String taskId) {
        return openTasks.proposalId(openTasks.open(taskId, ProposalLifecycle.DECIDE_ON_QUORUM_TASK));
    }

    /** Without quorum: extend the round once, or reject the proposal. */
    @PreAuthorize("hasRole('STAFF')")
    public void decideOnQuorum(String taskId, boolean extend, String reason) {
        Task task = openTasks.open(taskId, ProposalLifecycle.DECIDE_ON_QUORUM_TASK);
        Long proposalId = openTasks.proposalId(task);
        if (extend && patientReview.wasExtended(proposalId)) {
            throw ProposalNotValid.decision("decision", translations.translate("workflow.refused.extendedOnce"));
        }
        String why = reason == null ? "" : reason.strip();
        if (!extend && why.isEmpty()) {
            throw ProposalNotValid.decision("reason", translations.translate("workflow.refused.rejectionReason"));
        }
        if (why.length() > 4_000) {
            throw ProposalNotValid.decision("reason", translations.translate("workflow.refused.tooLong"));
        }
        proposals.recordDecision(proposalId, extend ? ProposalEventKind.VOTING_ROUND_EXTENDED
                : ProposalEventKind.REJECTED_FOR_LACK_OF_QUORUM, why);
        openTasks.complete(task, extend ? "EXTEND" : "REJECT");
    }

    /** The proposal a staff task is about; refuses a task that is gone. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional(readOnly = true)
    public Long proposalOfCompletenessCheck(String taskId) {
        return openTasks.proposalId(openTasks.open(taskId, ProposalLifecycle.CHECK_COMPLETENESS_TASK));
    }

    @PreAuthorize("hasRole('STAFF')")
    public void checkCompleteness(String taskId, CompletenessDecision decision, String reason) {
        if (decision == null) {
            throw ProposalNotValid.decision("decision", translations.translate("workflow.refused.chooseDecision"));
        }
        String why = reason == null ? "" : reason.strip();
        if (decision.needsReason() && why.isEmpty()) {
            throw ProposalNotValid.decision("reason", decision == CompletenessDecision.RETURN
                    ? translations.translate("workflow.refused.whatToChange")
                    : translations.translate("workflow.refused.rejectionReason"));
        }
        if (why.length() > 4_000) {
            throw ProposalNotValid.decision("reason", translations.translate("workflow.refused.tooLong"));
        }
        Task task = openTasks.open(taskId, ProposalLifecycle.CHECK_COMPLETENESS_TASK);
        proposals.recordDecision(openTasks.proposalId(task), switch (decision) {
            case ACCEPT -> ProposalEventKind.ACCEPTED_AT_CHECK;
            case RETURN -> ProposalEventKind.RETURNED_FOR_CHANGES;
            case REJECT -> ProposalEventKind.REJECTED_AT_CHECK;
        }, why);
        openTasks.complete(task, decision.name());
    }
}
