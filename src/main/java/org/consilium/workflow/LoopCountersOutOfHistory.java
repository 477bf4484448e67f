package org.consilium.workflow;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's counters of a multi-instance step (how many votes a round has, how many are open and done,
 * which one this is) out of the governance process's history. The engine updates them at every vote and, at the
 * full history level, reads, updates and details each one in its history as well: six of the 26 statements the
 * engine sends for a vote (docs/performance.md, UI "Thirteenth session"). Nothing reads them back; the votes, the
 * organisations they are for and the steps themselves stay in the history. Other processes keep theirs.
 */
@Component
class LoopCountersOutOfHistory extends AbstractProcessEnginePlugin {

    static final Set<String> COUNTERS = Set.of(MultiInstanceActivityBehavior.NUMBER_OF_INSTANCES,
            MultiInstanceActivityBehavior.NUMBER_OF_ACTIVE_INSTANCES,
            MultiInstanceActivityBehavior.NUMBER_OF_COMPLETED_INSTANCES, MultiInstanceActivityBehavior.LOOP_COUNTER);

    /** After the engine built its handler (with whatever else was configured): every event passes through this one. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new Without(configuration.getHistoryEventHandler()));
    }

    /** Whether an event is the history of a governance process's loop counter. */
    static boolean isLoopCounter(HistoryEvent event) {
        return event instanceof HistoricVariableUpdateEventEntity variable
                && COUNTERS.contains(variable.getVariableName())
                && (ProposalLifecycle.PROCESS_KEY.equals(event.getProcessDefinitionKey())
                        || event.getProcessDefinitionId() != null
                        && event.getProcessDefinitionId().startsWith(ProposalLifecycle.PROCESS_KEY + ":"));
    }

    /** The engine's handler, given every event but the loop counters'. */
    record Without(HistoryEventHandler handler) implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!isLoopCounter(event)) {
                handler.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            List<HistoryEvent> kept = events.stream().filter(e -> !isLoopCounter(e)).toList();
            if (!kept.isEmpty()) {
                handler.handleEvents(kept);
            }
        }
    }
}
