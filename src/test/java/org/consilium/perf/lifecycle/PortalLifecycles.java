package org.consilium.perf.lifecycle;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.consilium.ethics.EthicsOutcome;
import org.consilium.member.MemberFixtures;
import org.consilium.member.MemberService;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.OrganisationType;
import org.consilium.member.Role;
import org.consilium.proposal.DataLevel;
import org.consilium.proposal.DiseaseArea;
import org.consilium.proposal.ProposalStatus;
import org.consilium.register.ProjectSteps;
import org.consilium.review.VoteChoice;
import org.consilium.workflow.ProposalLifecycle;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Full governance lifecycles through the portal's own services, each step as the person whose step it is and as
 * its screen calls it ({@link ProjectSteps}): the researcher drafts and submits; staff accept the completeness
 * check; the representatives of the nine patient organisations open their vote, declare no conflict and approve
 * (the ethics reviewer approves after the fourth vote: both branches of the review are open at once); staff
 * generate the agreement (a PDF) and send it; the lead organisation's signatory signs, then the foundation's, and
 * the project is active.
 */
final class PortalLifecycles {

    static final int PATIENT_ORGANISATIONS = 9;
    /** Completeness check, nine votes, ethics review, preparation, two signatures. */
    static final int USER_TASKS = 1 + PATIENT_ORGANISATIONS + 1 + 1 + 2;

    private record Representative(Long organisationId, String username) {
    }

    private final ProjectSteps steps;
    private final JdbcTemplate jdbc;
    private final HistoryService history;
    private final String researcher;
    private final OrganisationSummary lead;
    private final String leadSignatory;
    private final List<Representative> representatives = new ArrayList<>();

    /** Registers the people of a lifecycle: ProjectSteps' cast, eight more patient organisations, the applicant's side. */
    PortalLifecycles(ApplicationContext context) {
        MemberFixtures fixtures = new MemberFixtures(context.getBean(MemberService.class));
        steps = new ProjectSteps(context, fixtures, Map.of("patients", "Bench Patients")).signingInOnce();
        jdbc = context.getBean(JdbcTemplate.class);
        history = context.getBean(HistoryService.class);
        representatives.add(new Representative(steps.patients.id(), steps.representative));
        for (int i = 2; i <= PATIENT_ORGANISATIONS; i++) {
            OrganisationSummary patients = fixtures.organisation("Bench Patients", OrganisationType.PATIENT_ORGANISATION);
            representatives.add(new Representative(patients.id(),
                    fixtures.person("Bench Representative " + i, patients, Role.PATIENT_REPRESENTATIVE)));
        }
        lead = fixtures.organisation("Bench University Hospital", OrganisationType.HOSPITAL);
        researcher = fixtures.person("Bench Researcher", lead, Role.RESEARCHER);
        leadSignatory = fixtures.person("Bench Signatory", lead, Role.SIGNATORY);
    }

    /** One lifecycle, from the draft to the active project; returns the proposal's id. */
    Long run(int n, StepTimes times) {
        Long id = times.time("draft (create, save)", () -> steps.draft(researcher, lead, new ProjectSteps.Draft(
                "Lifecycle benchmark " + n, "BENCH-" + n, "We want to learn which patients relapse, so that doctors"
                        + " can act sooner.", EnumSet.of(DiseaseArea.AML), List.of(), "None"),
                content -> content.setDataLevel(DataLevel.AGGREGATED)));
        times.time("submit", () -> steps.submit(researcher, id));
        times.time("completeness check", () -> steps.checked(id));
        for (int i = 0; i < representatives.size(); i++) {
            Representative r = representatives.get(i);
            times.time("vote (open, declare, cast)", () -> steps.voted(id, r.username(), r.organisationId(),
                    VoteChoice.APPROVE, null));
            if (i == 3) {
                times.time("ethics review", () -> steps.ethicsReviewed(id, EthicsOutcome.APPROVE, null, null));
            }
        }
        times.time("agreement: generate (PDF)", () -> steps.prepared(id, 24));
        times.time("agreement: send", () -> steps.sent(id));
        times.time("lead signature", () -> steps.signed(id, leadSignatory, ProposalLifecycle.LEAD_SIGNATURE_TASK));
        times.time("foundation signature (executes, PDF)", () -> steps.signed(id, steps.foundationSignatory,
                ProposalLifecycle.FOUNDATION_SIGNATURE_TASK));
        return id;
    }

    /** Whether the proposal ended ACTIVE, and how many user tasks its process completed. */
    record Outcome(ProposalStatus status, long tasksCompleted) {
    }

    Outcome outcome(Long id) {
        ProposalStatus status = ProposalStatus.valueOf(jdbc.queryForObject("SELECT status FROM proposal WHERE id = ?",
                String.class, id));
        long tasks = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(steps.reference(id))
                .finished().count();
        return new Outcome(status, tasks);
    }
}
