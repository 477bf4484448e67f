package org.consilium.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.consilium.SignIn;
import org.consilium.Suites;
import org.consilium.audit.AuditService;
import org.consilium.audit.AuditVerification;
import org.consilium.proposal.ProposalStatus;
import org.consilium.workflow.ProposalLifecycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * CI's small run of the 100,000-proposal benchmark (docs/performance.md): on MariaDB, the generator seeds
 * 2,000 proposals with their history and process instances, the data holds together (counts, statuses,
 * one live process per open proposal, an intact audit chain), and every benchmarked screen opens its
 * first page once. Times are printed, never asserted.
 */
@ExtendWith(Suites.MariaDb.class)
// a started web server: the proposal page is built in a UI of the running Vaadin servlet
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.devmode.devTools.enabled=false")
@ActiveProfiles("mysql")
@Import(PerfBeans.class)
class PerfSmokeMariaDbIT {

    static final int PROPOSALS = 2_000;

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        Suites.useMariaDb(registry);
    }

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditService audit;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void generates_proposals_with_their_history_and_every_screen_opens_its_first_page() throws Exception {
        long proposalsBefore = count("SELECT COUNT(*) FROM proposal");
        long instancesBefore = liveInstances();

        ProposalGenerator.Result generated = PerfHarness.generate(context, PROPOSALS, 7);
        System.out.println(PerfHarness.describe(generated));

        assertThat(count("SELECT COUNT(*) FROM proposal") - proposalsBefore).isEqualTo(PROPOSALS);
        assertThat(count("SELECT COUNT(*) FROM person WHERE username LIKE 'perf.%'"))
                .isEqualTo(generated.rows().get("person"));
        assertThat(generated.statuses().keySet()).containsExactlyInAnyOrder(ProposalStatus.values());
        assertThat(generated.statuses().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(PROPOSALS);
        for (String table : List.of("proposal_version", "proposal_event", "vote", "conflict_declaration",
                "ethics_decision", "agreement", "agreement_signature", "notification", "audit_entry",
                "register_entry")) {
            assertThat(generated.rows().get(table)).as(table).isGreaterThan(PROPOSALS / 10);
        }
        // every proposal in an open stage waits in a live process instance of its own, under its reference
        long open = generated.statuses().entrySet().stream()
                .filter(e -> Arrays.asList(ProposalStatus.SUBMITTED, ProposalStatus.RETURNED, ProposalStatus.UNDER_REVIEW,
                        ProposalStatus.CHANGES_REQUESTED, ProposalStatus.APPROVED, ProposalStatus.ACTIVE,
                        ProposalStatus.EXPIRED).contains(e.getKey()))
                .mapToLong(java.util.Map.Entry::getValue).sum();
        assertThat(generated.processInstances()).isEqualTo(open);
        assertThat(liveInstances() - instancesBefore).isEqualTo(open);
        assertThat(count("""
                SELECT COUNT(*) FROM proposal p WHERE p.status IN ('SUBMITTED', 'RETURNED', 'UNDER_REVIEW',
                 'CHANGES_REQUESTED', 'APPROVED', 'ACTIVE', 'EXPIRED') AND p.applicant_id IN
                 (SELECT id FROM person WHERE username LIKE 'perf.%') AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e
                 WHERE e.BUSINESS_KEY_ = p.reference AND e.PARENT_ID_ IS NULL)""")).isZero();

        SignIn.asAdministrator();
        try {
            AuditVerification chain = audit.verify();
            assertThat(chain.intact()).as(chain.message()).isTrue();
        } finally {
            SignIn.out();
        }

        FirstPageBenchmark benchmark = PerfHarness.benchmark(context);
        List<FirstPageBenchmark.Measurement> figures = benchmark.run(PerfHarness.screens(context), 1, 3);
        System.out.println(FirstPageBenchmark.table(figures));
        assertThat(figures).hasSizeGreaterThanOrEqualTo(15);
        assertThat(figures).allSatisfy(m -> {
            assertThat(m.rows()).as(m.screen() + " shows a first page").isPositive();
            assertThat(m.statements()).as(m.screen() + " asks the database").isPositive();
        });
    }

    private long liveInstances() {
        return count("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PARENT_ID_ IS NULL AND PROC_DEF_ID_ LIKE '"
                + ProposalLifecycle.PROCESS_KEY + ":%'");
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
