package org.consilium.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.consilium.SignIn;
import org.consilium.member.MemberFixtures;
import org.consilium.member.MemberService;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.OrganisationType;
import org.consilium.member.PersonSummary;
import org.consilium.member.Role;
import org.consilium.proposal.ProposalContent;
import org.consilium.proposal.ProposalContents;
import org.consilium.proposal.ProposalDraft;
import org.consilium.proposal.ProposalService;
import org.consilium.security.ConsiliumUser;
import org.consilium.workflow.EngineIncidents.InstanceAtStep;
import org.consilium.workflow.EngineIncidents.WorkflowOverview;
import org.consilium.workflow.EngineIncidents.WorkflowStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The figures of the workflow by step, against a known set of proposals started here. Other tests of the run leave
 * process instances behind in the shared test database, so each figure is checked as the difference it makes.
 */
@SpringBootTest
class WorkflowOverviewTest {

    @Autowired
    EngineIncidents engine;
    @Autowired
    ProposalService proposals;
    @Autowired
    GovernanceTaskService governance;
    @Autowired
    MemberService members;
    @Autowired
    UserDetailsService users;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;

    private SignIn signIn;
    private OrganisationSummary hospital;
    private String researcher;
    private String staff;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void each_step_counts_the_proposals_waiting_there_once_and_lists_them_with_their_reference() {
        world();
        SignIn.asAdministrator();
        WorkflowOverview before = engine.overview();

        String atCheck = reference(submitted("Waiting for the check"));
        String returned = reference(returned(submitted("Returned for changes")));
        Long inReview = accepted(submitted("In review, first"));
        Long alsoInReview = accepted(submitted("In review, second"));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(reference(inReview))
                .taskDefinitionKey(ProposalLifecycle.CAST_VOTE_TASK).count())
                .as("one vote task per patient organisation").isGreaterThan(1);

        SignIn.asAdministrator();
        WorkflowOverview after = engine.overview();
        assertThat(after.running() - before.running()).isEqualTo(4);
        assertThat(delta(before, after, ProposalLifecycle.CHECK_COMPLETENESS_TASK)).isEqualTo(1);
        assertThat(delta(before, after, ProposalLifecycle.REVISE_PROPOSAL_TASK)).isEqualTo(1);
        assertThat(delta(before, after, ProposalLifecycle.CAST_VOTE_TASK)).as("proposals, not vote tasks").isEqualTo(2);
        // The complete test proposal asks for individual-level data: the full ethics review, in parallel.
        assertThat(delta(before, after, ProposalLifecycle.FULL_ETHICS_REVIEW_TASK)).isEqualTo(2);
        assertThat(after.steps()).extracting(WorkflowStep::activityId)
                .as("subprocesses are not steps of their own").doesNotContain("GovernanceReviewSubProcess")
                .as("in the order of the process").containsSubsequence(ProposalLifecycle.CHECK_COMPLETENESS_TASK,
                        ProposalLifecycle.REVISE_PROPOSAL_TASK, ProposalLifecycle.CAST_VOTE_TASK,
                        ProposalLifecycle.FULL_ETHICS_REVIEW_TASK);

        List<InstanceAtStep> atCheckStep = all(ProposalLifecycle.CHECK_COMPLETENESS_TASK);
        assertThat(atCheckStep).hasSize((int) engine.countInstancesAt(ProposalLifecycle.CHECK_COMPLETENESS_TASK));
        assertThat(atCheckStep).filteredOn(i -> atCheck.equals(i.reference())).singleElement().satisfies(i -> {
            assertThat(i.proposalId()).isNotNull();
            assertThat(i.title()).isEqualTo("Waiting for the check");
            assertThat(i.since()).isNotNull();
            assertThat(i.incident()).isFalse();
        });
        assertThat(all(ProposalLifecycle.REVISE_PROPOSAL_TASK)).extracting(InstanceAtStep::reference).contains(returned)
                .doesNotContain(atCheck);
        assertThat(all(ProposalLifecycle.CAST_VOTE_TASK)).extracting(InstanceAtStep::reference)
                .containsOnlyOnce(reference(inReview), reference(alsoInReview));
        assertThat(engine.instancesAt(ProposalLifecycle.CHECK_COMPLETENESS_TASK, 0, 1)).as("a page").hasSize(1);
        assertThat(engine.instancesAt("NoSuchStep", 0, 10)).isEmpty();
    }

    @Test
    void incidents_and_failed_jobs_show_at_their_step_until_they_are_retried() {
        world();
        Long stuck = submitted("Stuck at the check");
        Long timed = accepted(submitted("A timer that failed"));
        SignIn.asAdministrator();
        WorkflowOverview before = engine.overview();

        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference(stuck))
                .singleResult().getId();
        var incident = runtime.createIncident("consiliumCheck", instance, "test", "The step failed");
        Job deadline = management.createJobQuery().processInstanceId(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(reference(timed)).singleResult().getId()).activityId("VotingDeadlineTimer")
                .singleResult();
        management.setJobRetries(deadline.getId(), 0);

        WorkflowOverview after = engine.overview();
        assertThat(incidents(after, ProposalLifecycle.CHECK_COMPLETENESS_TASK)
                - incidents(before, ProposalLifecycle.CHECK_COMPLETENESS_TASK)).isEqualTo(1);
        int failedJobsBefore = before.steps().stream().mapToInt(WorkflowStep::failedJobs).sum();
        assertThat(after.steps().stream().mapToInt(WorkflowStep::failedJobs).sum() - failedJobsBefore)
                .as("the timer without retries").isEqualTo(1);
        assertThat(all(ProposalLifecycle.CHECK_COMPLETENESS_TASK)).filteredOn(i -> reference(stuck).equals(i.reference()))
                .singleElement().satisfies(i -> assertThat(i.incident()).isTrue());
        assertThat(engine.open(0, 500)).extracting(EngineIncidents.EngineIncident::id).contains(incident.getId());
        assertThat(engine.countOpen()).isGreaterThanOrEqualTo(2);

        engine.retry(incident.getId());
        management.setJobRetries(deadline.getId(), 1);
        WorkflowOverview retried = engine.overview();
        assertThat(incidents(retried, ProposalLifecycle.CHECK_COMPLETENESS_TASK))
                .isEqualTo(incidents(before, ProposalLifecycle.CHECK_COMPLETENESS_TASK));
        assertThat(retried.steps().stream().mapToInt(WorkflowStep::failedJobs).sum()).isEqualTo(failedJobsBefore);
    }

    @Test
    void only_administrators_see_the_workflow_by_step() {
        world();
        signIn.as(staff);
        assertThatThrownBy(() -> engine.overview()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> engine.instancesAt(ProposalLifecycle.CHECK_COMPLETENESS_TASK, 0, 10))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> engine.countInstancesAt(ProposalLifecycle.CHECK_COMPLETENESS_TASK))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> engine.countOpen()).isInstanceOf(AccessDeniedException.class);
    }

    // ---- the known set ------------------------------------------------------------------------------------

    private void world() {
        signIn = new SignIn(users);
        MemberFixtures fixtures = new MemberFixtures(members);
        hospital = fixtures.organisation("Overview Hospital", OrganisationType.HOSPITAL);
        OrganisationSummary foundation = fixtures.organisation("Overview Foundation", OrganisationType.FOUNDATION);
        fixtures.organisation("Overview Patients A", OrganisationType.PATIENT_ORGANISATION);
        fixtures.organisation("Overview Patients B", OrganisationType.PATIENT_ORGANISATION);
        researcher = fixtures.person("Olga Overview", hospital, Role.RESEARCHER);
        staff = fixtures.person("Sam Staff", foundation, Role.STAFF);
    }

    private final Map<Long, String> references = new java.util.HashMap<>();

    private Long submitted(String title) {
        signIn.as(researcher);
        Long id = proposals.createDraft();
        ConsiliumUser user = (ConsiliumUser) users.loadUserByUsername(researcher);
        ProposalContent content = ProposalContents.complete(hospital,
                new PersonSummary(user.personId(), user.fullName(), user.organisationId(), user.organisationName()));
        content.setTitle(title);
        proposals.saveDraft(id, proposals.openDraft(id).lockVersion(), content);
        ProposalDraft draft = proposals.openDraft(id);
        references.put(id, proposals.submit(id, draft.lockVersion(), draft.content()).reference());
        SignIn.out();
        return id;
    }

    private Long accepted(Long id) {
        check(id, CompletenessDecision.ACCEPT, null);
        return id;
    }

    private Long returned(Long id) {
        check(id, CompletenessDecision.RETURN, "Please add the protocol");
        return id;
    }

    private void check(Long id, CompletenessDecision decision, String reason) {
        signIn.as(staff);
        governance.checkCompleteness(tasks.createTaskQuery().processInstanceBusinessKey(reference(id))
                .taskDefinitionKey(ProposalLifecycle.CHECK_COMPLETENESS_TASK).singleResult().getId(), decision, reason);
        SignIn.out();
    }

    private String reference(Long id) {
        return references.get(id);
    }

    private List<InstanceAtStep> all(String step) {
        return engine.instancesAt(step, 0, 200);
    }

    private static Map<String, WorkflowStep> byStep(WorkflowOverview overview) {
        return overview.steps().stream().collect(Collectors.toMap(WorkflowStep::activityId, Function.identity()));
    }

    private static long delta(WorkflowOverview before, WorkflowOverview after, String step) {
        return count(after, step) - count(before, step);
    }

    private static long count(WorkflowOverview overview, String step) {
        WorkflowStep found = byStep(overview).get(step);
        return found == null ? 0 : found.proposals();
    }

    private static int incidents(WorkflowOverview overview, String step) {
        WorkflowStep found = byStep(overview).get(step);
        return found == null ? 0 : found.incidents();
    }
}
