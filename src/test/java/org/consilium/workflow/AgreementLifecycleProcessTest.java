package org.consilium.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Steps 6-8 of proposal-lifecycle on the bare engine: preparation, signatures in order, the 30-day
 * reminder and 60-day chase-or-cancel, regeneration, execution, notice, extension, expiry and closure.
 */
@Deployment(resources = {"workflows/proposal-lifecycle.bpmn", "workflows/patient-review-outcome.dmn",
        "workflows/ethics-route.dmn"})
class AgreementLifecycleProcessTest {

    private static final long DAY = LifecycleStandIns.DAY;

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private final LifecycleStandIns beans = new LifecycleStandIns();
    private ProcessInstance instance;

    @BeforeEach
    void standIns() {
        beans.register();
        ClockUtil.setCurrentTime(new Date(1_780_000_000_000L));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    /** Submitted, accepted, approved by every organisation and by ethics: waiting for the agreement. */
    private void approved() {
        instance = engine.getRuntimeService().startProcessInstanceByKey(ProposalLifecycle.PROCESS_KEY,
                "CONS-2026-0042", Map.of(ProposalLifecycle.PROPOSAL_ID, 42L));
        decide("CheckCompletenessTask", "ACCEPT");
        beans.votingRound.tally(3, 0, 0);
        tasks("CastVoteTask").forEach(t -> engine.getTaskService().complete(t.getId()));
        decide("ExpeditedEthicsReviewTask", "APPROVE");
        assertThat(instance).isWaitingAt("PrepareAgreementTask");
    }

    private void sent() {
        approved();
        complete("PrepareAgreementTask");
    }

    private void active() {
        sent();
        complete("LeadSignatureTask");
        complete("FoundationSignatureTask");
    }

    private List<Task> tasks(String activityId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(activityId).list();
    }

    private Task only(String activityId) {
        List<Task> open = tasks(activityId);
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private void complete(String activityId) {
        engine.getTaskService().complete(only(activityId).getId());
    }

    private void decide(String activityId, String decision) {
        engine.getTaskService().complete(only(activityId).getId(),
                Variables.createVariables().putValueTyped("decision", Variables.stringValue(decision, true)));
    }

    private List<String> candidateGroups(String activityId) {
        return engine.getTaskService().getIdentityLinksForTask(only(activityId).getId()).stream()
                .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
    }

    private Job timer(String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(activityId).singleResult();
    }

    private void fire(String activityId) {
        Job job = timer(activityId);
        assertThat(job).as("timer " + activityId).isNotNull();
        ClockUtil.setCurrentTime(job.getDuedate());
        engine.getManagementService().executeJob(job.getId());
    }

    private long now() {
        return ClockUtil.getCurrentTime().getTime();
    }

    @Test
    void staff_prepare_then_the_lead_organisation_signs_first_and_the_foundation_countersigns() {
        approved();
        assertThat(candidateGroups("PrepareAgreementTask")).containsExactly("STAFF");
        complete("PrepareAgreementTask");

        assertThat(instance).isWaitingAt("LeadSignatureTask");
        assertThat(candidateGroups("LeadSignatureTask")).containsExactly("SIGNATORY_7");
        assertThat(tasks("FoundationSignatureTask")).isEmpty();
        complete("LeadSignatureTask");

        assertThat(instance).isWaitingAt("FoundationSignatureTask");
        assertThat(candidateGroups("FoundationSignatureTask")).containsExactly("SIGNATORY_1");
        complete("FoundationSignatureTask");

        assertThat(beans.agreementSteps.executed).isEqualTo(1);
        assertThat(beans.proposalStatus.current()).isEqualTo("ACTIVE");
        assertThat(instance).isWaitingAt("AccessEndNoticeTimer");
        assertThat(timer("SignatureReminderTimer")).as("signing timers end with the signatures").isNull();
        assertThat(timer("SignatureChaseTimer")).isNull();
    }

    @Test
    void preparing_signing_chasing_and_closing_are_each_due_their_configured_durations_after_they_open() {
        approved();
        assertThat(tasks("PrepareAgreementTask").get(0).getDueDate()).isEqualTo(new Date(now() + 10 * DAY));
        complete("PrepareAgreementTask");
        assertThat(tasks("LeadSignatureTask").get(0).getDueDate()).isEqualTo(new Date(now() + 30 * DAY));
        fire("SignatureReminderTimer");
        fire("SignatureChaseTimer");
        assertThat(tasks("ChaseOrCancelTask").get(0).getDueDate()).isEqualTo(new Date(now() + 5 * DAY));
        decide("ChaseOrCancelTask", "CHASE");
        assertThat(tasks("LeadSignatureTask").get(0).getDueDate()).as("chasing sends the task out with a new deadline")
                .isEqualTo(new Date(now() + 30 * DAY));
        complete("LeadSignatureTask");
        assertThat(tasks("FoundationSignatureTask").get(0).getDueDate()).isEqualTo(new Date(now() + 30 * DAY));
        complete("FoundationSignatureTask");
        fire("AccessEndNoticeTimer");
        fire("AccessEndTimer");
        complete("ReportOutputsTask");
        assertThat(tasks("CloseProjectTask").get(0).getDueDate()).isEqualTo(new Date(now() + 14 * DAY));
    }

    @Test
    void unsigned_after_30_days_the_signatories_are_reminded_and_can_still_sign() {
        sent();
        long sentAt = now();
        assertThat(timer("SignatureReminderTimer").getDuedate().getTime()).isEqualTo(sentAt + 30 * DAY);
        fire("SignatureReminderTimer");

        assertThat(beans.agreementSteps.reminders).isEqualTo(1);
        assertThat(instance).isWaitingAt("LeadSignatureTask");
        complete("LeadSignatureTask");
        complete("FoundationSignatureTask");
        assertThat(beans.proposalStatus.current()).isEqualTo("ACTIVE");
    }

    @Test
    void unsigned_after_60_days_staff_chase_and_a_signature_already_given_stands() {
        sent();
        long sentAt = now();
        complete("LeadSignatureTask");
        fire("SignatureReminderTimer");
        assertThat(timer("SignatureChaseTimer").getDuedate().getTime()).isEqualTo(sentAt + 60 * DAY);
        fire("SignatureChaseTimer");

        assertThat(instance).isWaitingAt("ChaseOrCancelTask");
        assertThat(tasks("FoundationSignatureTask")).as("signing pauses while staff decide").isEmpty();
        assertThat(candidateGroups("ChaseOrCancelTask")).containsExactly("STAFF");

        beans.agreementSteps.leadSigned = true;
        decide("ChaseOrCancelTask", "CHASE");
        assertThat(instance).isWaitingAt("FoundationSignatureTask");
        assertThat(tasks("LeadSignatureTask")).isEmpty();
        assertThat(timer("SignatureReminderTimer").getDuedate().getTime())
                .as("a chase gives the signatories a new period").isEqualTo(now() + 30 * DAY);
    }

    @Test
    void unsigned_after_60_days_staff_may_cancel_and_the_process_ends() {
        sent();
        fire("SignatureReminderTimer");
        fire("SignatureChaseTimer");
        decide("ChaseOrCancelTask", "CANCEL");

        assertThat(instance).isEnded().hasPassed("AgreementCancelledEndEvent");
        assertThat(beans.agreementSteps.cancelled).isEqualTo(1);
        assertThat(beans.proposalStatus.current()).isEqualTo("CANCELLED");
    }

    @Test
    void regenerating_while_out_for_signature_returns_to_preparation_and_voids_the_signing_tasks() {
        sent();
        complete("LeadSignatureTask");
        engine.getRuntimeService().createMessageCorrelation("AgreementRegenerated")
                .processInstanceBusinessKey("CONS-2026-0042").correlate();

        assertThat(instance).isWaitingAt("PrepareAgreementTask");
        assertThat(tasks("FoundationSignatureTask")).isEmpty();
        assertThat(timer("SignatureReminderTimer")).isNull();

        complete("PrepareAgreementTask");
        assertThat(instance).as("the new version is signed from the start").isWaitingAt("LeadSignatureTask");
    }

    @Test
    void regenerating_while_staff_decide_on_a_chase_returns_to_preparation() {
        sent();
        fire("SignatureReminderTimer");
        fire("SignatureChaseTimer");
        engine.getRuntimeService().createMessageCorrelation("AgreementRegenerated")
                .processInstanceBusinessKey("CONS-2026-0042").correlate();
        assertThat(instance).isWaitingAt("PrepareAgreementTask");
        assertThat(tasks("ChaseOrCancelTask")).isEmpty();
    }

    @Test
    void thirty_days_before_the_end_notice_is_given_then_access_expires_and_the_project_is_closed() {
        active();
        Date end = beans.agreementSteps.accessEnd;
        assertThat(timer("AccessEndNoticeTimer").getDuedate().getTime()).isEqualTo(end.getTime() - 30 * DAY);
        fire("AccessEndNoticeTimer");
        assertThat(beans.agreementSteps.notices).isEqualTo(1);
        assertThat(timer("AccessEndTimer").getDuedate()).isEqualTo(end);

        fire("AccessEndTimer");
        assertThat(beans.agreementSteps.expired).isEqualTo(1);
        assertThat(beans.proposalStatus.current()).isEqualTo("EXPIRED");
        assertThat(only("ReportOutputsTask").getAssignee()).isEqualTo("researcher");

        complete("ReportOutputsTask");
        assertThat(candidateGroups("CloseProjectTask")).containsExactly("STAFF");
        complete("CloseProjectTask");
        assertThat(instance).isEnded().hasPassed("ProjectClosedEndEvent");
        assertThat(beans.agreementSteps.closed).isEqualTo(1);
        assertThat(beans.proposalStatus.current()).isEqualTo("CLOSED");
    }

    @Test
    void an_approved_extension_moves_the_notice_and_the_end_so_the_project_does_not_expire() {
        active();
        fire("AccessEndNoticeTimer");
        Date extended = new Date(beans.agreementSteps.accessEnd.getTime() + 180 * DAY);
        beans.agreementSteps.accessEnd = extended;
        engine.getRuntimeService().createMessageCorrelation("AccessExtended")
                .processInstanceBusinessKey("CONS-2026-0042").correlate();

        assertThat(instance).isWaitingAt("AccessEndNoticeTimer");
        assertThat(timer("AccessEndNoticeTimer").getDuedate().getTime()).isEqualTo(extended.getTime() - 30 * DAY);
        assertThat(timer("AccessEndTimer")).isNull();
        assertThat(beans.agreementSteps.expired).isZero();
        assertThat(beans.proposalStatus.current()).isEqualTo("ACTIVE");

        fire("AccessEndNoticeTimer");
        assertThat(beans.agreementSteps.notices).isEqualTo(2);
        fire("AccessEndTimer");
        assertThat(beans.proposalStatus.current()).isEqualTo("EXPIRED");
        assertThat(now()).isEqualTo(extended.getTime());
    }

    @Test
    void the_applicant_may_ask_for_closure_while_access_runs_and_staff_close_without_expiry() {
        active();
        engine.getRuntimeService().createMessageCorrelation("ClosureRequested")
                .processInstanceBusinessKey("CONS-2026-0042").correlate();
        assertThat(instance).isWaitingAt("CloseProjectTask");
        assertThat(timer("AccessEndTimer")).isNull();
        assertThat(timer("AccessEndNoticeTimer")).isNull();
        complete("CloseProjectTask");
        assertThat(instance).isEnded().hasPassed("ProjectClosedEndEvent");
        assertThat(beans.agreementSteps.expired).isZero();
        assertThat(beans.proposalStatus.changes).endsWith("ACTIVE", "CLOSED");
    }

    @Test
    void withdrawal_while_out_for_signature_ends_every_signing_task_and_timer() {
        sent();
        complete("LeadSignatureTask");
        engine.getRuntimeService().createMessageCorrelation("ProposalWithdrawn")
                .processInstanceBusinessKey("CONS-2026-0042").correlate();
        assertThat(instance).isEnded().hasPassed("WithdrawnEndEvent");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(beans.proposalStatus.current()).isEqualTo("WITHDRAWN");
    }
}
