package org.consilium.perf.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;

/** The same-shape control keeps every element of the portal's process and calls nothing of the portal. */
class SameShapeProcessTest {

    private final BpmnModelInstance portal = Bpmn.readModelFromStream(
            getClass().getResourceAsStream("/workflows/proposal-lifecycle.bpmn"));
    private final BpmnModelInstance control = SameShapeProcess.model();

    @Test
    void keeps_every_element_of_the_portals_process_with_its_id_and_kind() {
        Collection<FlowElement> elements = portal.getModelElementsByType(FlowElement.class);
        assertThat(elements).hasSizeGreaterThan(100);
        assertThat(control.getModelElementsByType(FlowElement.class)).hasSameSizeAs(elements);
        for (FlowElement element : elements) {
            FlowElement same = control.getModelElementById(element.getId());
            assertThat(same).as(element.getId()).isNotNull();
            assertThat(same.getElementType().getTypeName()).as(element.getId())
                    .isEqualTo(element.getElementType().getTypeName());
        }
        assertThat(control.getModelElementsByType(BusinessRuleTask.class)).extracting(BusinessRuleTask::getCamundaDecisionRef)
                .containsExactlyInAnyOrder("patient-review-outcome", "ethics-route");
    }

    @Test
    void calls_only_its_own_steps_and_is_deployed_under_its_own_key() {
        String xml = Bpmn.convertToString(control);

        assertThat(SameShapeProcess.callsLeft(xml)).isEmpty();
        assertThat(SameShapeProcess.callsLeft(Bpmn.convertToString(portal)))
                .as("the check finds the portal's calls").contains("${votingRound.open(proposalId)}",
                        "${agreementSteps.leadSigned(proposalId)}", "${stepDeadlines.completenessCheck()}");
        assertThat(control.getModelElementsByType(ServiceTask.class)).allSatisfy(task ->
                assertThat(task.getCamundaExpression()).isEqualTo("${sameShape.step(execution)}"));
        assertThat(control.getModelElementsByType(Process.class)).extracting(Process::getId)
                .containsExactly(SameShapeProcess.PROCESS_KEY);
        assertThat(xml).contains("PATIENT_ORGANISATION_${organisationId}", "${decision == 'ACCEPT'}",
                "${patientOutcome == 'APPROVED'}");
    }
}
