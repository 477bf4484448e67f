package org.consilium.workflow;

import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.consilium.proposal.ProposalEventKind;
import org.consilium.proposal.ProposalLifecycleSteps;
import org.consilium.proposal.ProposalNotValid;
import org.consilium.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acting on governance tasks. Every decision is checked (role, task still open, reason where one is
 * required), written to the proposal's timeline and passed to the engine, in one transaction.
 */
@Service
@Transactional
public class GovernanceTaskService {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ProposalLifecycleSteps proposals;
    private final CurrentUser currentUser;

    GovernanceTaskService(TaskService tasks, RuntimeService runtime, ProposalLifecycleSteps proposals,
                          CurrentUser currentUser) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.proposals = proposals;
        this.currentUser = currentUser;
    }

    /** The proposal a staff task is about; refuses a task that is gone. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional(readOnly = true)
    public Long proposalOfCompletenessCheck(String taskId) {
        return proposalId(openTask(taskId, ProposalLifecycle.CHECK_COMPLETENESS_TASK));
    }

    @PreAuthorize("hasRole('STAFF')")
    public void checkCompleteness(String taskId, CompletenessDecision decision, String reason) {
        if (decision == null) {
            throw invalid("decision", "Choose a decision");
        }
        String why = reason == null ? "" : reason.strip();
        if (decision.needsReason() && why.isEmpty()) {
            throw invalid("reason", decision == CompletenessDecision.RETURN
                    ? "Tell the applicant what to change" : "Give the reason for the rejection");
        }
        if (why.length() > 4_000) {
            throw invalid("reason", "At most 4000 characters");
        }
        Task task = openTask(taskId, ProposalLifecycle.CHECK_COMPLETENESS_TASK);
        proposals.recordDecision(proposalId(task), switch (decision) {
            case ACCEPT -> ProposalEventKind.ACCEPTED_AT_CHECK;
            case RETURN -> ProposalEventKind.RETURNED_FOR_CHANGES;
            case REJECT -> ProposalEventKind.REJECTED_AT_CHECK;
        }, why);
        complete(task, decision.name());
    }

    private Task openTask(String taskId, String step) {
        Task task = taskId == null ? null
                : tasks.createTaskQuery().taskId(taskId).taskDefinitionKey(step).active().singleResult();
        if (task == null || (task.getAssignee() != null
                && !task.getAssignee().equals(currentUser.require().getUsername()))) {
            throw new TaskGone();
        }
        return task;
    }

    private Long proposalId(Task task) {
        return ((Number) runtime.getVariable(task.getExecutionId(), ProposalLifecycle.PROPOSAL_ID)).longValue();
    }

    private void complete(Task task, String decision) {
        try {
            tasks.complete(task.getId(), Variables.createVariables()
                    .putValueTyped(ProposalLifecycle.DECISION, Variables.stringValue(decision, true)));
        } catch (OptimisticLockingException concurrent) {
            throw new TaskGone();
        }
    }

    private static ProposalNotValid invalid(String field, String message) {
        return new ProposalNotValid("decided", List.of(new ProposalNotValid.Problem(field, message)));
    }
}
