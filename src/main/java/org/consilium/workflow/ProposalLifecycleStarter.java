package org.consilium.workflow;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.consilium.proposal.ProposalResubmitted;
import org.consilium.proposal.ProposalSubmitted;
import org.consilium.proposal.ProposalWithdrawn;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves the governance workflow when the applicant acts on a proposal. Runs inside the applicant's
 * transaction (plain {@code @EventListener}, not a transactional one): if the engine refuses, the
 * applicant's change rolls back with it.
 */
@Component
class ProposalLifecycleStarter {

    private final RuntimeService runtime;
    private final TaskService tasks;

    ProposalLifecycleStarter(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @EventListener
    void on(ProposalSubmitted submitted) {
        runtime.startProcessInstanceByKey(ProposalLifecycle.PROCESS_KEY, submitted.reference(),
                Map.of(ProposalLifecycle.PROPOSAL_ID, submitted.proposalId()));
    }

    /** A revision ends the task that asked for it: the completeness check's or the ethics board's. */
    @EventListener
    void on(ProposalResubmitted resubmitted) {
        Task revision = tasks.createTaskQuery().processInstanceBusinessKey(resubmitted.reference())
                .taskDefinitionKeyIn(ProposalLifecycle.REVISE_PROPOSAL_TASK, ProposalLifecycle.REVISE_FOR_ETHICS_TASK)
                .singleResult();
        if (revision == null) {
            throw new IllegalStateException(resubmitted.reference() + " is not waiting for a revision");
        }
        tasks.complete(revision.getId());
    }

    @EventListener
    void on(ProposalWithdrawn withdrawn) {
        runtime.createMessageCorrelation(ProposalLifecycle.WITHDRAWN_MESSAGE)
                .processInstanceBusinessKey(withdrawn.reference()).correlate();
    }
}
