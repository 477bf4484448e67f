package org.consilium.workflow;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.consilium.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The engine's tasks as the task services use them: an open task of given steps that the signed-in
 * person may act on (or {@link TaskGone}), its proposal, and completing it with a decision.
 */
@Component
class OpenTasks {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final CurrentUser currentUser;

    OpenTasks(TaskService tasks, RuntimeService runtime, CurrentUser currentUser) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.currentUser = currentUser;
    }

    /** The task if it is open at one of these steps and not held by someone else. */
    Task open(String taskId, String... steps) {
        Task task = taskId == null ? null
                : tasks.createTaskQuery().taskId(taskId).taskDefinitionKeyIn(steps).active().singleResult();
        if (task == null || (task.getAssignee() != null
                && !task.getAssignee().equals(currentUser.require().getUsername()))) {
            throw new TaskGone();
        }
        return task;
    }

    Long proposalId(Task task) {
        return ((Number) runtime.getVariable(task.getExecutionId(), ProposalLifecycle.PROPOSAL_ID)).longValue();
    }

    /** Completes the task, passing the decision (if any) as a transient variable. */
    void complete(Task task, String decision) {
        try {
            tasks.complete(task.getId(), decision == null ? Variables.createVariables()
                    : Variables.createVariables().putValueTyped(ProposalLifecycle.DECISION,
                    Variables.stringValue(decision, true)));
        } catch (OptimisticLockingException concurrent) {
            // Someone completed it, or moved the process, at the same moment: this decision rolls back.
            throw new TaskGone();
        }
    }
}
