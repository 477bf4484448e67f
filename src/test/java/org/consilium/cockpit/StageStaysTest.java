package org.consilium.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.consilium.SignIn;
import org.consilium.ethics.EthicsOutcome;
import org.consilium.member.MemberFixtures;
import org.consilium.member.MemberService;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.OrganisationType;
import org.consilium.member.Role;
import org.consilium.proposal.DiseaseArea;
import org.consilium.proposal.ProposalEventKind;
import org.consilium.proposal.TimelineRecorded;
import org.consilium.register.ProjectSteps;
import org.consilium.workflow.CompletenessDecision;
import org.consilium.workflow.GovernanceTaskService;
import org.consilium.workflow.ProposalLifecycle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The stays in stages written event by event as proposals go through the real services and engine are the stays
 * the rebuild from the whole timeline computes (StageSql.REBUILD, the same statement as V15's backfill).
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StageStaysTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MemberService members;
    @Autowired
    UserDetailsService users;
    @Autowired
    GovernanceTaskService governance;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StageStays stageStays;

    ProjectSteps steps;
    OrganisationSummary hospital;
    String applicant;
    String leadSignatory;

    @BeforeAll
    void world() {
        MemberFixtures fixtures = new MemberFixtures(members);
        hospital = fixtures.organisation("Stays Hospital", OrganisationType.HOSPITAL);
        steps = new ProjectSteps(context, fixtures, Map.of("patients", "Stays Patients", "staff", "Stella Stayman",
                "ethics", "Egon Staywell", "representative", "Paula Staypat", "foundationSignatory", "Fiona Staysign"));
        applicant = fixtures.person("Ravi Staylong", hospital, Role.RESEARCHER);
        leadSignatory = fixtures.person("Lena Staysign", hospital, Role.SIGNATORY);
    }

    record Stay(long proposalId, String stage, LocalDateTime enteredAt, LocalDateTime leftAt, Long seconds) {
    }

    @Test
    void stays_written_as_the_timeline_grows_are_those_rebuilt_from_the_whole_timeline() {
        // returned, resubmitted, accepted, changes asked by the ethics board, resubmitted: back in review
        Long returned = steps.submit(applicant, draft("Returned and changed"));
        new SignIn(users).as(steps.staff);
        try {
            governance.checkCompleteness(task(returned, ProposalLifecycle.CHECK_COMPLETENESS_TASK),
                    CompletenessDecision.RETURN, "The cohort is not described");
        } finally {
            SignIn.out();
        }
        steps.submit(applicant, returned);
        steps.checked(returned);
        steps.ethicsReviewed(returned, EthicsOutcome.REQUEST_CHANGES, null, "Say how consent is asked");
        steps.submit(applicant, returned);

        // the whole way: approved, agreement prepared, signed, active, expired, closed
        Long closed = steps.approved(applicant, draft("Closed project"), "Fine", "Conditions", "Comment");
        steps.executed(steps.sent(steps.generated(closed)), leadSignatory);
        steps.expire(closed);
        steps.close(applicant, closed, "Done");

        Long withdrawn = steps.submit(applicant, draft("Withdrawn early"));
        steps.withdraw(applicant, withdrawn, "No longer needed");

        List<Long> ids = List.of(returned, closed, withdrawn);
        List<Stay> written = stays(ids);

        assertThat(stages(written, returned)).containsExactly("COMPLETENESS_CHECK", "RETURNED", "COMPLETENESS_CHECK",
                "REVIEW", "CHANGES_REQUESTED", "REVIEW");
        assertThat(stages(written, closed)).containsExactly("COMPLETENESS_CHECK", "REVIEW", "AGREEMENT_PREPARATION",
                "SIGNATURE", "ACTIVE", "AWAITING_CLOSURE");
        assertThat(stages(written, withdrawn)).containsExactly("COMPLETENESS_CHECK");
        // only the returned proposal's last stay is open: closure and withdrawal end the last stay, start none
        assertThat(written).filteredOn(s -> s.leftAt() == null).extracting(Stay::proposalId).containsExactly(returned);
        assertThat(written).filteredOn(s -> s.leftAt() != null)
                .allSatisfy(s -> assertThat(s.seconds()).isNotNull().isNotNegative());

        jdbc.update("DELETE FROM stage_stay WHERE proposal_id IN (?, ?, ?)", returned, closed, withdrawn);
        jdbc.update(StageSql.REBUILD);
        assertThat(stays(ids)).containsExactlyElementsOf(written);
    }

    /**
     * Every kind of event, after every marker event (or none), then a closure: the same timeline written once
     * through the listener, event by event, and once straight into the table and rebuilt, gives the same stays.
     */
    @Test
    void the_listener_and_the_rebuild_apply_the_same_rules_to_every_kind_of_event() {
        List<ProposalEventKind> before = new ArrayList<>();
        before.add(null);
        Arrays.stream(ProposalEventKind.values()).filter(k -> StageStays.stageOf(k, null) != null).forEach(before::add);
        assertThat(before).hasSize(19);
        Instant start = Instant.parse("2025-03-01T10:00:00.250Z");
        Long applicantId = steps.personId(applicant);
        List<Long> incremental = new ArrayList<>();
        List<Long> rebuilt = new ArrayList<>();
        for (ProposalEventKind first : before) {
            for (ProposalEventKind kind : ProposalEventKind.values()) {
                List<ProposalEventKind> kinds = new ArrayList<>();
                if (first != null) {
                    kinds.add(first);
                }
                kinds.add(kind);
                kinds.add(ProposalEventKind.CLOSED);
                Long listened = proposal(applicantId);
                Long written = proposal(applicantId);
                for (int i = 0; i < kinds.size(); i++) {
                    // a day and a fraction of a second apart (whole seconds are cut, not rounded)
                    Instant at = start.plus(Duration.ofDays(i)).plusMillis(700L * i);
                    stageStays.recorded(new TimelineRecorded(listened, kinds.get(i), at));
                    jdbc.update("INSERT INTO proposal_event (proposal_id, occurred_at, actor_name, kind) VALUES (?, ?, ?, ?)",
                            written, LocalDateTime.ofInstant(at, ZoneOffset.UTC), "Stays test", kinds.get(i).name());
                }
                incremental.add(listened);
                rebuilt.add(written);
            }
        }
        jdbc.update(StageSql.REBUILD);
        for (int i = 0; i < incremental.size(); i++) {
            assertThat(staysOf(rebuilt.get(i))).as("timeline %d", i).isEqualTo(staysOf(incremental.get(i)));
        }
        // e.g. a resubmission after the ethics board's changes is back in review, after a return in the check
        assertThat(jdbc.queryForList("SELECT stage FROM stage_stay WHERE proposal_id = ? ORDER BY entered_at",
                String.class, incremental.get(before.indexOf(ProposalEventKind.CHANGES_REQUESTED)
                        * ProposalEventKind.values().length + ProposalEventKind.RESUBMITTED.ordinal())))
                .containsExactly("CHANGES_REQUESTED", "REVIEW");
    }

    private Long proposal(Long applicantId) {
        jdbc.update("INSERT INTO proposal (status, applicant_id, title, lead_organisation_id, current_version,"
                + " created_at, updated_at) VALUES ('SUBMITTED', ?, 'Stays', ?, 1, ?, ?)", applicantId,
                hospital.id(), LocalDateTime.now(), LocalDateTime.now());
        return jdbc.queryForObject("SELECT MAX(id) FROM proposal", Long.class);
    }

    /** A proposal's stays: stage, entered, left and seconds, in order. */
    private List<List<Object>> staysOf(Long proposalId) {
        return jdbc.query("SELECT stage, entered_at, left_at, seconds FROM stage_stay WHERE proposal_id = ?"
                        + " ORDER BY entered_at, id",
                (rs, i) -> Arrays.asList(rs.getString(1), rs.getObject(2, LocalDateTime.class),
                        rs.getObject(3, LocalDateTime.class), rs.getObject(4, Long.class)), proposalId);
    }

    @Test
    void the_backfill_of_V15_is_the_rebuild() throws IOException {
        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V15__stage_stays.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String backfill = migration.substring(migration.indexOf("INSERT INTO stage_stay"), migration.lastIndexOf(';'));
        assertThat(normalised(backfill)).isEqualTo(normalised(StageSql.REBUILD));
    }

    private static String normalised(String sql) {
        return sql.replaceAll("\\s+", " ").strip();
    }

    private Long draft(String title) {
        return steps.draft(applicant, hospital, new ProjectSteps.Draft(title, "STAY", "A lay summary",
                EnumSet.of(DiseaseArea.AML), List.of(), "None"));
    }

    private String task(Long id, String step) {
        return tasks.createTaskQuery().processInstanceBusinessKey(steps.reference(id)).taskDefinitionKey(step).active()
                .singleResult().getId();
    }

    private List<Stay> stays(List<Long> ids) {
        return jdbc.query("SELECT proposal_id, stage, entered_at, left_at, seconds FROM stage_stay"
                        + " WHERE proposal_id IN (?, ?, ?) ORDER BY proposal_id, entered_at, id",
                (rs, i) -> new Stay(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDateTime.class),
                        rs.getObject(4, LocalDateTime.class), rs.getObject(5, Long.class)),
                ids.toArray());
    }

    private static List<String> stages(List<Stay> stays, Long proposalId) {
        return stays.stream().filter(s -> s.proposalId() == proposalId).map(Stay::stage).toList();
    }
}
