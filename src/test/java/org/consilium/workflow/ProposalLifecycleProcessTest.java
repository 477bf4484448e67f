package org.consilium.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every path of proposal-lifecycle, deployed from workflows/ on the bare engine with stand-in beans. */
@Deployment(resources = {"workflows/proposal-lifecycle.bpmn", "workflows/patient-review-outcome.dmn",
        "workflows/ethics-route.dmn"})
class ProposalLifecycleProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private final LifecycleStandIns beans = new LifecycleStandIns();
    private ProcessInstance instance;

    @BeforeEach
    void standIns() {
        beans.register();
    }

    /** Deployment happens after @BeforeEach, so each test starts its instance itself. */
    private void submitted() {
        instance = engine.getRuntimeService().startProcessInstanceByKey(ProposalLifecycle.PROCESS_KEY,
                "CONS-2026-0042", Map.of(ProposalLifecycle.PROPOSAL_ID, 42L));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    // --- helpers -------------------------------------------------------------------------------

    private List<Task> openTasks(String activityId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(activityId).list();
    }

    private Task onlyTask(String activityId) {
        List<Task> tasks = openTasks(activityId);
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private void decide(String activityId, String decision) {
        engine.getTaskService().complete(onlyTask(activityId).getId(),
                Variables.createVariables().putValueTyped("decision", Variables.stringValue(decision, true)));
    }

    private void complete(Task task) {
        engine.getTaskService().complete(task.getId());
    }

    private void voteAll() {
        openTasks("CastVoteTask").forEach(this::complete);
    }

    private Job timer(String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(activityId).singleResult();
    }

    private void accept() {
        decide("CheckCompletenessTask", "ACCEPT");
    }

    // --- step 2: completeness check --------------------------------------------------------------

    @Test
    void a_submitted_proposal_waits_at_the_completeness_check_offered_to_staff() {
        submitted();
        assertThat(instance).isWaitingAt("CheckCompletenessTask").hasBusinessKey("CONS-2026-0042");
        assertThat(engine.getRuntimeService().getVariables(instance.getId())).containsOnlyKeys("proposalId");
        assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task(instance)).hasCandidateGroup("STAFF").isNotAssigned();
    }

    @Test
    void returned_proposals_go_back_to_the_applicant_and_come_back_to_the_check_as_often_as_needed() {
        submitted();
        for (int round = 0; round < 2; round++) {
            decide("CheckCompletenessTask", "RETURN");
            assertThat(instance).isWaitingAt("ReviseProposalTask");
            assertThat(onlyTask("ReviseProposalTask").getAssignee()).isEqualTo("researcher");
            complete(onlyTask("ReviseProposalTask"));
            assertThat(instance).isWaitingAt("CheckCompletenessTask");
        }
        assertThat(beans.proposalStatus.changes).containsExactly("RETURNED", "SUBMITTED", "RETURNED", "SUBMITTED");
    }

    @Test
    void a_proposal_rejected_at_the_check_ends_rejected() {
        submitted();
        decide("CheckCompletenessTask", "REJECT");
        assertThat(instance).isEnded().hasPassed("RejectedAtCheckEndEvent");
        assertThat(beans.proposalStatus.current()).isEqualTo("REJECTED");
    }

    @Test
    void an_accepted_proposal_goes_to_patient_and_ethics_review_at_once() {
        submitted();
        accept();
        assertThat(instance).isWaitingAt("CastVoteTask", "ExpeditedEthicsReviewTask");
        assertThat(beans.proposalStatus.current()).isEqualTo("UNDER_REVIEW");
        assertThat(beans.votingRound.opened).isEqualTo(1);
        assertThat(openTasks("CastVoteTask")).hasSize(3);
        assertThat(engine.getTaskService().getIdentityLinksForTask(openTasks("CastVoteTask").get(0).getId()))
                .anyMatch(link -> link.getGroupId() != null && link.getGroupId().startsWith("PATIENT_ORGANISATION_"));
        assertThat(openTasks("CastVoteTask")).allSatisfy(t -> assertThat(t.getDueDate()).isNotNull());
    }

    // --- step 4: the voting round -----------------------------------------------------------------

    @Test
    void approved_by_patients_and_ethics_the_proposal_is_approved_and_awaits_its_agreement() {
        submitted();
        accept();
        beans.votingRound.tally(2, 1, 0);
        voteAll();
        assertThat(beans.votingRound.outcomes).containsExactly("APPROVED");
        assertThat(instance).isWaitingAt("ExpeditedEthicsReviewTask");
        decide("ExpeditedEthicsReviewTask", "APPROVE");
        assertThat(instance).isWaitingAt("PrepareAgreementTask");
        assertThat(beans.proposalStatus.current()).isEqualTo("APPROVED");
    }

    @Test
    void rejected_by_patients_the_proposal_is_rejected_and_the_ethics_task_closes() {
        submitted();
        accept();
        beans.votingRound.tally(1, 2, 0);
        voteAll();
        assertThat(instance).isEnded().hasPassed("PatientRejectedEndEvent", "RejectedInReviewEndEvent");
        assertThat(openTasks("ExpeditedEthicsReviewTask")).isEmpty();
        assertThat(beans.proposalStatus.current()).isEqualTo("REJECTED");
    }

    @Test
    void without_quorum_staff_extend_the_round_once_and_late_votes_decide() {
        submitted();
        accept();
        beans.votingRound.tally(1, 0, 2);
        voteAll();
        assertThat(instance).isWaitingAt("DecideOnQuorumTask", "ExpeditedEthicsReviewTask");
        assertThat(beans.votingRound.outcomes).containsExactly("NO_QUORUM");

        beans.votingRound.stillToVote = List.of(3L);
        decide("DecideOnQuorumTask", "EXTEND");
        assertThat(beans.votingRound.extended).isEqualTo(1);
        assertThat(openTasks("CastVoteTask")).hasSize(1);
        beans.votingRound.tally(2, 0, 1);
        voteAll();
        assertThat(beans.votingRound.outcomes).containsExactly("NO_QUORUM", "APPROVED");
        decide("ExpeditedEthicsReviewTask", "APPROVE");
        assertThat(instance).isWaitingAt("PrepareAgreementTask");
    }

    @Test
    void without_quorum_staff_may_reject() {
        submitted();
        accept();
        beans.votingRound.tally(0, 0, 3);
        voteAll();
        decide("DecideOnQuorumTask", "REJECT");
        assertThat(instance).isEnded().hasPassed("PatientRejectedEndEvent");
        assertThat(beans.proposalStatus.current()).isEqualTo("REJECTED");
    }

    @Test
    void the_deadline_closes_the_round_with_votes_missing() {
        submitted();
        accept();
        complete(openTasks("CastVoteTask").get(0));
        beans.votingRound.tally(1, 0, 0);
        beans.votingRound.organisations = 2;
        engine.getManagementService().executeJob(timer("VotingDeadlineTimer").getId());
        assertThat(openTasks("CastVoteTask")).isEmpty();
        assertThat(beans.votingRound.outcomes).as("1 approval of 2 organisations: quorum, approved")
                .containsExactly("APPROVED");
        assertThat(instance).isWaitingAt("ExpeditedEthicsReviewTask");
    }

    @Test
    void three_days_before_the_deadline_the_organisations_still_to_vote_are_reminded_and_can_still_vote() {
        submitted();
        accept();
        Job reminder = timer("VotingReminderTimer");
        Job deadline = timer("VotingDeadlineTimer");
        assertThat(deadline.getDuedate().getTime() - reminder.getDuedate().getTime()).isEqualTo(3L * 24 * 3600 * 1000);
        engine.getManagementService().executeJob(reminder.getId());
        assertThat(beans.governanceNotices.votingReminders).isEqualTo(1);
        assertThat(openTasks("CastVoteTask")).hasSize(3);
    }

    // --- step 5: ethics review --------------------------------------------------------------------

    @Test
    void individual_level_data_go_to_full_ethics_review() {
        submitted();
        beans.ethicsReview.dataLevel = "INDIVIDUAL_LEVEL_ANONYMISED";
        accept();
        assertThat(instance).isWaitingAt("FullEthicsReviewTask");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "ethicsRoute")).isEqualTo("FULL");
    }

    @Test
    void genomic_data_go_to_full_ethics_review_even_when_aggregated() {
        submitted();
        beans.ethicsReview.genomicData = true;
        accept();
        assertThat(instance).isWaitingAt("FullEthicsReviewTask");
    }

    @Test
    void approval_with_conditions_counts_as_approval() {
        submitted();
        beans.ethicsReview.dataLevel = "SYNTHETIC";
        accept();
        decide("ExpeditedEthicsReviewTask", "APPROVE_WITH_CONDITIONS");
        beans.votingRound.tally(3, 0, 0);
        voteAll();
        assertThat(instance).isWaitingAt("PrepareAgreementTask");
    }

    @Test
    void requested_changes_go_to_the_applicant_then_back_to_ethics_while_the_vote_goes_on() {
        submitted();
        accept();
        decide("ExpeditedEthicsReviewTask", "REQUEST_CHANGES");
        assertThat(instance).isWaitingAt("ReviseForEthicsTask", "CastVoteTask");
        assertThat(onlyTask("ReviseForEthicsTask").getAssignee()).isEqualTo("researcher");
        assertThat(beans.proposalStatus.current()).isEqualTo("CHANGES_REQUESTED");
        beans.ethicsReview.dataLevel = "INDIVIDUAL_LEVEL_ANONYMISED";
        complete(onlyTask("ReviseForEthicsTask"));
        assertThat(instance).isWaitingAt("FullEthicsReviewTask", "CastVoteTask");
        assertThat(beans.proposalStatus.current()).isEqualTo("UNDER_REVIEW");
    }

    @Test
    void rejected_by_ethics_the_proposal_is_rejected_and_every_voting_task_closes() {
        submitted();
        accept();
        decide("ExpeditedEthicsReviewTask", "REJECT");
        assertThat(instance).isEnded().hasPassed("EthicsRejectedEndEvent", "RejectedInReviewEndEvent");
        assertThat(openTasks("CastVoteTask")).isEmpty();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    // --- withdrawal -------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"CheckCompletenessTask", "ReviseProposalTask", "CastVoteTask", "DecideOnQuorumTask",
            "ReviseForEthicsTask", "PrepareAgreementTask"})
    void the_applicant_may_withdraw_from_every_wait_state_and_every_open_task_ends(String waitState) {
        submitted();
        switch (waitState) {
            case "ReviseProposalTask" -> decide("CheckCompletenessTask", "RETURN");
            case "CastVoteTask" -> accept();
            case "DecideOnQuorumTask" -> {
                accept();
                beans.votingRound.tally(0, 0, 3);
                voteAll();
            }
            case "ReviseForEthicsTask" -> {
                accept();
                decide("ExpeditedEthicsReviewTask", "REQUEST_CHANGES");
            }
            case "PrepareAgreementTask" -> {
                accept();
                beans.votingRound.tally(3, 0, 0);
                voteAll();
                decide("ExpeditedEthicsReviewTask", "APPROVE");
            }
            default -> { }
        }
        assertThat(instance).isWaitingAt(waitState);

        engine.getRuntimeService().createMessageCorrelation("ProposalWithdrawn")
                .processInstanceBusinessKey("CONS-2026-0042").correlate();

        assertThat(instance).isEnded().hasPassed("WithdrawnEndEvent");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(beans.proposalStatus.current()).isEqualTo("WITHDRAWN");
    }

    @Test
    void the_governance_steps_are_due_their_configured_durations_after_they_open() {
        java.util.Date start = new java.util.Date(1_780_000_000_000L);
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(start);
        try {
            submitted();
            assertThat(onlyTask("CheckCompletenessTask").getDueDate()).isEqualTo(plusDays(start, 5));
            accept();
            assertThat(onlyTask("ExpeditedEthicsReviewTask").getDueDate()).isEqualTo(plusDays(start, 10));
            assertThat(openTasks("CastVoteTask")).allSatisfy(vote -> assertThat(vote.getDueDate())
                    .as("the vote is due at the round's deadline").isEqualTo(plusDays(start, 14)));
            beans.votingRound.tally(0, 0, 3);
            voteAll();
            assertThat(onlyTask("DecideOnQuorumTask").getDueDate()).isEqualTo(plusDays(start, 3));
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    @Test
    void a_full_ethics_review_is_due_thirty_days_after_it_opens() {
        beans.ethicsReview.dataLevel = "INDIVIDUAL_LEVEL_ANONYMISED";
        java.util.Date start = new java.util.Date(1_780_000_000_000L);
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(start);
        try {
            submitted();
            accept();
            assertThat(onlyTask("FullEthicsReviewTask").getDueDate()).isEqualTo(plusDays(start, 30));
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    private static java.util.Date plusDays(java.util.Date from, int days) {
        return new java.util.Date(from.getTime() + days * LifecycleStandIns.DAY);
    }

    @Test
    void the_process_keeps_its_history_for_ten_years() {
        var definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(ProposalLifecycle.PROCESS_KEY).singleResult();
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);
    }
}
