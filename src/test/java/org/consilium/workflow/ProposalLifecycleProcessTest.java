package org.consilium.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The BPMN as deployed from workflows/, on the bare engine: no Spring, no portal code. */
@Deployment(resources = "workflows/proposal-lifecycle.bpmn")
class ProposalLifecycleProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    @Test
    void a_submitted_proposal_waits_at_the_completeness_check_offered_to_staff() {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(
                ProposalLifecycle.PROCESS_KEY, "CONS-2026-0042", Map.of(ProposalLifecycle.PROPOSAL_ID, 42L));

        assertThat(instance).isStarted().isWaitingAt(ProposalLifecycle.CHECK_COMPLETENESS_TASK)
                .hasBusinessKey("CONS-2026-0042").hasVariables(ProposalLifecycle.PROPOSAL_ID);
        assertThat(task(instance)).hasName("Check completeness").hasCandidateGroup("STAFF").isNotAssigned();
    }

    @Test
    void the_process_keeps_its_history_for_ten_years() {
        var definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(ProposalLifecycle.PROCESS_KEY).singleResult();
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);
    }
}
