package org.consilium.workflow;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.consilium.proposal.ProposalSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the governance workflow when a proposal is first submitted. It runs inside the submitting
 * transaction (a plain {@code @EventListener}, not a transactional one): if the engine refuses, the
 * submission rolls back with it.
 */
@Component
class ProposalLifecycleStarter {

    private final RuntimeService runtime;

    ProposalLifecycleStarter(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(ProposalSubmitted submitted) {
        if (submitted.version() != 1) {
            return;
        }
        runtime.startProcessInstanceByKey(ProposalLifecycle.PROCESS_KEY, submitted.reference(),
                Map.of(ProposalLifecycle.PROPOSAL_ID, submitted.proposalId()));
    }
}
