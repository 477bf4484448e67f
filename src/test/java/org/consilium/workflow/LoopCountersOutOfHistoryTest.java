package org.consilium.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.consilium.member.MemberFixtures;
import org.consilium.member.MemberService;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.OrganisationType;
import org.consilium.member.Role;
import org.consilium.proposal.DiseaseArea;
import org.consilium.register.ProjectSteps;
import org.consilium.review.VoteChoice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A voting round's counters are counted by the engine but not kept in its history; everything else is. */
@SpringBootTest
class LoopCountersOutOfHistoryTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MemberService members;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EngineTables tables;

    @Test
    void a_rounds_counters_stay_out_of_the_history_while_its_votes_and_organisations_stay_in() {
        MemberFixtures fixtures = new MemberFixtures(members);
        ProjectSteps steps = new ProjectSteps(context, fixtures, Map.of("patients", "Counter Patients A",
                "staff", "Cora Counter", "ethics", "Ethan Counter", "representative", "Rita Counter",
                "foundationSignatory", "Fred Counter"));
        OrganisationSummary second = fixtures.organisation("Counter Patients B", OrganisationType.PATIENT_ORGANISATION);
        fixtures.person("Remy Counter", second, Role.PATIENT_REPRESENTATIVE);
        OrganisationSummary hospital = fixtures.organisation("Counter Hospital", OrganisationType.HOSPITAL);
        String applicant = fixtures.person("Alma Counter", hospital, Role.RESEARCHER);
        Long proposal = steps.checked(steps.submit(applicant, steps.draft(applicant, hospital, new ProjectSteps.Draft(
                "Counted votes", "CNT", "Votes counted, not kept.", EnumSet.of(DiseaseArea.AML), List.of(), "None"))));
        steps.voted(proposal, steps.representative, steps.patients.id(), VoteChoice.APPROVE, null);

        String instance = jdbc.queryForObject("SELECT PROC_INST_ID_ FROM " + tables.variable()
                + " WHERE NAME_ = ? AND LONG_ = ? AND EXECUTION_ID_ = PROC_INST_ID_", String.class,
                ProposalLifecycle.PROPOSAL_ID, proposal);
        // the engine still counts the round: its counters are there while it runs
        assertThat(names("SELECT NAME_ FROM " + tables.variable(), instance))
                .contains("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");
        // the history keeps the proposal and the organisations voting, not the counters
        assertThat(names("SELECT NAME_ FROM ACT_HI_VARINST", instance))
                .contains(ProposalLifecycle.PROPOSAL_ID, "organisationId")
                .doesNotContainAnyElementsOf(LoopCountersOutOfHistory.COUNTERS);
        assertThat(names("SELECT NAME_ FROM ACT_HI_DETAIL", instance))
                .contains("organisationId")
                .doesNotContainAnyElementsOf(LoopCountersOutOfHistory.COUNTERS);
        // and the vote's step is in the history as done
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ = ?"
                + " AND TASK_DEF_KEY_ = ? AND END_TIME_ IS NOT NULL", Integer.class, instance,
                ProposalLifecycle.CAST_VOTE_TASK)).isEqualTo(1);
    }

    private List<String> names(String select, String instance) {
        return jdbc.queryForList(select + " WHERE PROC_INST_ID_ = ?", String.class, instance);
    }

    @Test
    void only_the_governance_process_counters_are_left_out() {
        List<HistoryEvent> handled = new ArrayList<>();
        HistoryEventHandler handler = new LoopCountersOutOfHistory.Without(new HistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                handled.add(event);
            }

            @Override
            public void handleEvents(List<HistoryEvent> events) {
                handled.addAll(events);
            }
        });
        HistoryEvent counter = variable("nrOfCompletedInstances", ProposalLifecycle.PROCESS_KEY);
        HistoryEvent counterByDefinitionId = variable("loopCounter", null);
        counterByDefinitionId.setProcessDefinitionId(ProposalLifecycle.PROCESS_KEY + ":3:abc");
        HistoryEvent organisation = variable("organisationId", ProposalLifecycle.PROCESS_KEY);
        HistoryEvent otherProcessCounter = variable("nrOfCompletedInstances", "same-shape-lifecycle");
        HistoricActivityInstanceEventEntity step = new HistoricActivityInstanceEventEntity();
        step.setProcessDefinitionKey(ProposalLifecycle.PROCESS_KEY);

        handler.handleEvent(counter);
        handler.handleEvents(List.of(counterByDefinitionId, organisation, otherProcessCounter, step));
        handler.handleEvents(List.of(counter));

        assertThat(handled).containsExactly(organisation, otherProcessCounter, step);
    }

    private static HistoricVariableUpdateEventEntity variable(String name, String processDefinitionKey) {
        HistoricVariableUpdateEventEntity event = new HistoricVariableUpdateEventEntity();
        event.setVariableName(name);
        event.setProcessDefinitionKey(processDefinitionKey);
        return event;
    }
}
