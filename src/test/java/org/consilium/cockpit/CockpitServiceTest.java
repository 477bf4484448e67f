package org.consilium.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.consilium.SignIn;
import org.consilium.cockpit.CockpitFigures.StepTasks;
import org.consilium.cockpit.Lines.AgreementFilter;
import org.consilium.cockpit.Lines.AgreementLine;
import org.consilium.cockpit.Lines.ProposalFilter;
import org.consilium.cockpit.Lines.ProposalLine;
import org.consilium.cockpit.Lines.StayFilter;
import org.consilium.cockpit.Lines.StayLine;
import org.consilium.cockpit.Lines.TaskFilter;
import org.consilium.cockpit.Lines.TaskLine;
import org.consilium.member.MemberFixtures;
import org.consilium.member.MemberService;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.OrganisationType;
import org.consilium.member.Role;
import org.consilium.proposal.ProposalStatus;
import org.consilium.workflow.ProposalLifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The cockpit's figures on a known data set, each asserted exactly: proposals per status, tasks overdue and due
 * soon, median and 90th percentile per stage, agreements awaiting signature and expiring; the lists behind
 * them, their filters, order and CSV. Its own in-memory database, so that no other test's proposals count.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:cockpit-service-test;MODE=MySQL;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CockpitServiceTest {

    static final ReportingPeriod YEAR_2025 = new ReportingPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
            ZoneOffset.UTC);

    @Autowired
    CockpitService cockpit;
    @Autowired
    RecentFigures recent;
    @Autowired
    MemberService members;
    @Autowired
    UserDetailsService users;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    SignIn signIn;
    String staff;
    String admin;
    String researcher;
    String patient;
    CockpitTestData data;
    Instant now;

    @BeforeAll
    void world() {
        signIn = new SignIn(users);
        MemberFixtures fixtures = new MemberFixtures(members);
        OrganisationSummary foundation = fixtures.organisation("Cockpit Foundation", OrganisationType.FOUNDATION);
        OrganisationSummary hospital = fixtures.organisation("Cockpit Hospital", OrganisationType.HOSPITAL);
        OrganisationSummary patients = fixtures.organisation("Cockpit Patients", OrganisationType.PATIENT_ORGANISATION);
        staff = fixtures.person("Sam Staff", foundation, Role.STAFF);
        admin = fixtures.person("Ada Admin", foundation, Role.ADMINISTRATOR);
        researcher = fixtures.person("Rob Researcher", hospital, Role.RESEARCHER);
        patient = fixtures.person("Pia Patient", patients, Role.PATIENT_REPRESENTATIVE);
        now = clock.instant();
        data = new CockpitTestData(jdbc, runtime, tasks, personId(researcher), hospital.id(), foundation.id(), now);
        data.seed();
    }

    Long personId(String username) {
        return ((org.consilium.security.ConsiliumUser) users.loadUserByUsername(username)).personId();
    }

    @AfterEach
    void out() {
        SignIn.out();
    }

    // ---- figures -----------------------------------------------------------------------------------------

    @Test
    void proposals_are_counted_per_status_without_drafts() {
        signIn.as(staff);
        CockpitFigures figures = cockpit.figures(YEAR_2025);
        assertThat(figures.proposalsByStatus()).isEqualTo(Map.ofEntries(
                Map.entry(ProposalStatus.SUBMITTED, 3L), Map.entry(ProposalStatus.RETURNED, 0L),
                Map.entry(ProposalStatus.UNDER_REVIEW, 2L), Map.entry(ProposalStatus.CHANGES_REQUESTED, 0L),
                Map.entry(ProposalStatus.APPROVED, 4L), Map.entry(ProposalStatus.REJECTED, 1L),
                Map.entry(ProposalStatus.WITHDRAWN, 1L), Map.entry(ProposalStatus.ACTIVE, 3L),
                Map.entry(ProposalStatus.EXPIRED, 1L), Map.entry(ProposalStatus.CLOSED, 1L),
                Map.entry(ProposalStatus.CANCELLED, 0L)));
        assertThat(figures.proposalsByStatus().keySet()).as("in the order of the process")
                .containsExactlyElementsOf(java.util.EnumSet.complementOf(java.util.EnumSet.of(ProposalStatus.DRAFT)));
    }

    @Test
    void tasks_are_overdue_before_now_and_due_soon_within_seven_days_per_step() {
        signIn.as(staff);
        CockpitFigures figures = cockpit.figures(YEAR_2025);
        assertThat(figures.overdueTasks()).isEqualTo(3);
        assertThat(figures.tasksDueSoon()).isEqualTo(2);
        assertThat(figures.dueSoonWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(figures.tasksByStep()).containsExactly(
                new StepTasks(ProposalLifecycle.CHECK_COMPLETENESS_TASK, 2, 1),
                new StepTasks(ProposalLifecycle.CLOSE_PROJECT_TASK, 1, 0),
                new StepTasks(ProposalLifecycle.PREPARE_AGREEMENT_TASK, 0, 1));
    }

    @Test
    void median_and_90th_percentile_days_per_stage_count_the_stays_that_ended_in_the_period() {
        signIn.as(staff);
        CockpitFigures figures = cockpit.figures(YEAR_2025);
        assertStage(figures, Stage.COMPLETENESS_CHECK, 5, 6, 9.2);
        assertStage(figures, Stage.RETURNED, 1, 20, 20);
        assertStage(figures, Stage.REVIEW, 4, 25, 55.9);
        assertStage(figures, Stage.CHANGES_REQUESTED, 1, 10, 10);
        assertStage(figures, Stage.AGREEMENT_PREPARATION, 2, 5.5, 5.9);
        assertStage(figures, Stage.SIGNATURE, 2, 23, 33.4);
        assertStage(figures, Stage.AWAITING_CLOSURE, 1, 10, 10);
        assertThat(figures.stageTimes()).extracting(StageTime::stage).containsExactly(Stage.values());
    }

    @Test
    void a_period_without_stays_has_no_percentiles() {
        signIn.as(staff);
        CockpitFigures figures = cockpit.figures(new ReportingPeriod(LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 12, 31), ZoneOffset.UTC));
        assertThat(figures.stageTimes()).allSatisfy(time -> {
            assertThat(time.proposals()).isZero();
            assertThat(time.medianDays()).isNull();
            assertThat(time.p90Days()).isNull();
        });
    }

    @Test
    void a_shorter_period_counts_only_the_stays_that_ended_in_it() {
        signIn.as(staff);
        // January 2025: 0001's check (2 d), review (20 d) and preparation (2 + 3 d), and 0006's review (67 d,
        // entered in 2024); 0001's signature ended in February.
        CockpitFigures january = cockpit.figures(new ReportingPeriod(LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 1, 31), ZoneOffset.UTC));
        assertStage(january, Stage.COMPLETENESS_CHECK, 1, 2, 2);
        assertStage(january, Stage.REVIEW, 2, 43.5, 62.3);
        assertStage(january, Stage.AGREEMENT_PREPARATION, 1, 5, 5);
        assertStage(january, Stage.SIGNATURE, 0, null, null);
    }

    @Test
    void agreements_awaiting_signature_and_expiring_within_sixty_days_are_counted() {
        signIn.as(staff);
        CockpitFigures figures = cockpit.figures(YEAR_2025);
        assertThat(figures.awaitingSignature()).isEqualTo(2);
        assertThat(figures.expiringSoon()).isEqualTo(2);
        assertThat(figures.expiringWindow()).isEqualTo(Duration.ofDays(60));
    }

    @Test
    void administrators_see_the_same_figures() {
        signIn.as(admin);
        assertThat(cockpit.figures(YEAR_2025).overdueTasks()).isEqualTo(3);
    }

    private static void assertStage(CockpitFigures figures, Stage stage, long proposals, Number median, Number p90) {
        StageTime time = figures.stageTime(stage);
        assertThat(time.proposals()).as(stage + " proposals").isEqualTo(proposals);
        if (median == null) {
            assertThat(time.medianDays()).isNull();
            assertThat(time.p90Days()).isNull();
            return;
        }
        assertThat(time.medianDays()).as(stage + " median").isCloseTo(median.doubleValue(), within(1e-9));
        assertThat(time.p90Days()).as(stage + " p90").isCloseTo(p90.doubleValue(), within(1e-9));
    }

    // ---- the lists behind the figures --------------------------------------------------------------------

    @Test
    void the_proposal_list_filters_by_status_and_text_and_sorts_in_the_database() {
        signIn.as(staff);
        ProposalFilter submitted = new ProposalFilter(ProposalStatus.SUBMITTED, null);
        assertThat(cockpit.countProposals(submitted)).isEqualTo(3);
        assertThat(cockpit.proposals(submitted, new Paging(0, 10, "reference", true)))
                .extracting(ProposalLine::reference).containsExactly("CONS-2026-0101", "CONS-2026-0102", "CONS-2026-0103");
        assertThat(cockpit.proposals(submitted, new Paging(1, 1, "reference", false)))
                .extracting(ProposalLine::reference).containsExactly("CONS-2026-0102");
        assertThat(cockpit.countProposals(new ProposalFilter(null, null))).as("every proposal but the draft").isEqualTo(16);
        assertThat(cockpit.proposals(new ProposalFilter(null, "relapse"), Paging.first(10)))
                .extracting(ProposalLine::reference).containsExactly("CONS-2025-0002");
        assertThat(cockpit.countProposals(new ProposalFilter(null, "100"))).isEqualTo(1);
        assertThat(cockpit.countProposals(new ProposalFilter(null, "100%"))).as("a typed % matches itself, not 1000").isZero();
        assertThat(cockpit.proposals(new ProposalFilter(null, "CONS-2025-0002"), Paging.first(1)).get(0))
                .satisfies(p -> {
                    assertThat(p.status()).isEqualTo(ProposalStatus.ACTIVE);
                    assertThat(p.leadOrganisation()).startsWith("Cockpit Hospital");
                });
        assertThat(cockpit.proposals(new ProposalFilter(null, "draft"), Paging.first(10))).isEmpty();
    }

    @Test
    void the_task_list_shows_the_overdue_tasks_most_overdue_first_with_their_proposals() {
        signIn.as(staff);
        TaskFilter overdue = new TaskFilter(TaskDue.OVERDUE, null, null);
        assertThat(cockpit.countTasks(overdue)).isEqualTo(3);
        List<TaskLine> lines = cockpit.tasks(overdue, Paging.first(10));
        assertThat(lines).extracting(TaskLine::reference)
                .containsExactly("CONS-2026-0111", "CONS-2026-0101", "CONS-2026-0102");
        assertThat(lines.get(0).step()).isEqualTo(ProposalLifecycle.CLOSE_PROJECT_TASK);
        assertThat(lines.get(0).proposalId()).isEqualTo(data.id("CONS-2026-0111"));
        assertThat(lines.get(0).proposalTitle()).isEqualTo("Expired registry study");
        assertThat(lines.get(0).offeredTo()).isEqualTo("STAFF");
        assertThat(lines.get(0).due()).isEqualTo(data.due("CONS-2026-0111"));
    }

    @Test
    void the_task_list_filters_by_due_soon_step_and_reference() {
        signIn.as(staff);
        assertThat(cockpit.tasks(new TaskFilter(TaskDue.SOON, null, null), Paging.first(10)))
                .extracting(TaskLine::reference).containsExactly("CONS-2026-0103", "CONS-2026-0104");
        assertThat(cockpit.countTasks(new TaskFilter(TaskDue.ALL, null, null))).isEqualTo(7);
        assertThat(cockpit.countTasks(new TaskFilter(TaskDue.ALL, ProposalLifecycle.PREPARE_AGREEMENT_TASK, null)))
                .isEqualTo(2);
        assertThat(cockpit.countTasks(new TaskFilter(TaskDue.OVERDUE, ProposalLifecycle.CHECK_COMPLETENESS_TASK, null)))
                .isEqualTo(2);
        assertThat(cockpit.tasks(new TaskFilter(TaskDue.ALL, null, "0112"), Paging.first(10)))
                .extracting(TaskLine::due).containsExactly((Instant) null);
        assertThat(cockpit.tasks(new TaskFilter(TaskDue.ALL, null, null), new Paging(0, 10, "due", false)))
                .extracting(TaskLine::due).filteredOn(java.util.Objects::nonNull).hasSize(6)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void the_agreement_lists_show_those_awaiting_signature_longest_waiting_first_and_those_expiring_soonest_first() {
        signIn.as(staff);
        AgreementFilter awaiting = new AgreementFilter(AgreementShow.AWAITING_SIGNATURE, null);
        assertThat(cockpit.countAgreements(awaiting)).isEqualTo(2);
        List<AgreementLine> waiting = cockpit.agreements(awaiting, Paging.first(10));
        assertThat(waiting).extracting(AgreementLine::reference).containsExactly("CONS-2025-0009", "CONS-2025-0008");
        assertThat(waiting.get(0).sentAt()).isEqualTo(data.sent("CONS-2025-0009"));

        AgreementFilter expiring = new AgreementFilter(AgreementShow.EXPIRING, null);
        assertThat(cockpit.countAgreements(expiring)).isEqualTo(2);
        assertThat(cockpit.agreements(expiring, Paging.first(10))).extracting(AgreementLine::reference)
                .containsExactly("CONS-2025-0002", "CONS-2026-0112");
        assertThat(cockpit.countAgreements(new AgreementFilter(AgreementShow.ALL, null))).isEqualTo(9);
        assertThat(cockpit.agreements(new AgreementFilter(AgreementShow.ALL, null), new Paging(0, 3, "ends", false)))
                .extracting(AgreementLine::reference).first().isEqualTo("CONS-2025-0010");
    }

    @Test
    void the_list_behind_a_stage_shows_each_proposal_with_its_days_there_longest_first() {
        signIn.as(staff);
        StayFilter review = new StayFilter(Stage.REVIEW, YEAR_2025);
        assertThat(cockpit.countStays(review)).isEqualTo(4);
        List<StayLine> stays = cockpit.stays(review, Paging.first(10));
        assertThat(stays).extracting(StayLine::reference)
                .containsExactly("CONS-2025-0006", "CONS-2025-0002", "CONS-2025-0001", "CONS-2025-0003");
        assertThat(stays).extracting(StayLine::days).containsExactly(67.0, 30.0, 20.0, 13.0);
        assertThat(cockpit.stays(review, new Paging(0, 10, "days", true))).extracting(StayLine::days)
                .containsExactly(13.0, 20.0, 30.0, 67.0);
        assertThat(cockpit.stays(new StayFilter(Stage.RETURNED, YEAR_2025), Paging.first(10)))
                .extracting(StayLine::days).containsExactly(20.0);
    }

    // ---- CSV ---------------------------------------------------------------------------------------------

    @Test
    void every_list_exports_as_csv_with_what_it_shows_and_formulas_defused() {
        signIn.as(staff);
        StringWriter proposals = new StringWriter();
        cockpit.exportProposals(new ProposalFilter(ProposalStatus.SUBMITTED, null), "reference", true, proposals);
        String[] lines = proposals.toString().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("reference,title,acronym,status,lead_organisation,submitted_at_utc,updated_at_utc");
        assertThat(lines[1]).startsWith("CONS-2026-0101,\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\",ACR0101,SUBMITTED,");
        assertThat(lines[2]).startsWith("CONS-2026-0102,Second check,");

        StringWriter overdue = new StringWriter();
        cockpit.exportTasks(new TaskFilter(TaskDue.OVERDUE, null, null), null, true, overdue);
        assertThat(overdue.toString().split("\r\n")).hasSize(4).satisfies(rows -> {
            assertThat(rows[0]).isEqualTo("reference,proposal_title,task,step,created_at_utc,due_at_utc,assignee,offered_to");
            assertThat(rows[1]).startsWith("CONS-2026-0111,Expired registry study,Close the project,CloseProjectTask,")
                    .endsWith("," + data.due("CONS-2026-0111") + ",,STAFF");
        });

        StringWriter agreements = new StringWriter();
        cockpit.exportAgreements(new AgreementFilter(AgreementShow.EXPIRING, null), null, true, agreements);
        assertThat(agreements.toString().split("\r\n")).hasSize(3)
                .satisfies(rows -> assertThat(rows[1]).startsWith("CONS-2025-0002,"));

        StringWriter stays = new StringWriter();
        cockpit.exportStays(new StayFilter(Stage.REVIEW, YEAR_2025), null, true, stays);
        assertThat(Arrays.asList(stays.toString().split("\r\n"))).containsExactly(
                "reference,title,stage,days,left_stage_at_utc",
                "CONS-2025-0006,Approved last winter,REVIEW,67.00,2025-01-10T00:00:00Z",
                "CONS-2025-0002,Relapse after remission,REVIEW,30.00,2025-04-10T00:00:00Z",
                "CONS-2025-0001,Closed project,REVIEW,20.00,2025-01-23T00:00:00Z",
                "CONS-2025-0003,Rejected in review,REVIEW,13.00,2025-03-20T00:00:00Z");
    }

    @Test
    void more_tasks_than_one_engine_page_export_completely() {
        signIn.as(staff);
        StringWriter all = new StringWriter();
        cockpit.exportTasks(new TaskFilter(TaskDue.ALL, null, null), "created", true, all);
        assertThat(all.toString().split("\r\n")).hasSize(8);
    }

    // ---- who may ----------------------------------------------------------------------------------------

    @Test
    void researchers_patient_representatives_and_anonymous_people_are_refused() {
        for (String who : List.of(researcher, patient)) {
            signIn.as(who);
            assertThatThrownBy(() -> cockpit.figures(YEAR_2025)).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> cockpit.proposals(new ProposalFilter(null, null), Paging.first(1)))
                    .isInstanceOf(AuthorizationDeniedException.class);
        }
        SignIn.out();
        assertThatThrownBy(() -> cockpit.figures(YEAR_2025)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void the_page_s_figures_are_the_service_s_kept_for_all_staff_and_refused_to_others_even_when_kept() {
        recent.clear();
        signIn.as(staff);
        CockpitFigures kept = recent.figures(YEAR_2025);
        assertThat(kept).usingRecursiveComparison().ignoringFields("asOf").isEqualTo(cockpit.figures(YEAR_2025));
        signIn.as(admin);
        assertThat(recent.figures(YEAR_2025)).as("another staff member, within the window").isSameAs(kept);
        for (String who : List.of(researcher, patient)) {
            signIn.as(who);
            assertThatThrownBy(() -> recent.figures(YEAR_2025)).isInstanceOf(AuthorizationDeniedException.class);
        }
        SignIn.out();
        assertThatThrownBy(() -> recent.figures(YEAR_2025)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(recent.keptFor()).as("application.yml").isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void a_period_cannot_end_before_it_starts() {
        assertThatThrownBy(() -> new ReportingPeriod(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1), ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class);
        ReportingPeriod lastYear = ReportingPeriod.lastTwelveMonths(Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"),
                ZoneOffset.UTC), ZoneOffset.UTC);
        assertThat(lastYear.first()).isEqualTo(LocalDate.of(2025, 3, 16));
        assertThat(lastYear.last()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(lastYear.to()).isEqualTo(Instant.parse("2026-03-16T00:00:00Z"));
    }
}
