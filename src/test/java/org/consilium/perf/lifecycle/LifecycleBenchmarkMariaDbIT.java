package org.consilium.perf.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.consilium.Suites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * CI's small run of the lifecycle benchmark (docs/performance.md), so that it cannot rot: three lifecycles of the
 * portal and of each control (the same shape, the tasks only), with one and with two drivers, on a schema of its own (the voting round opens
 * for every patient organisation in the database, so the shared test schema would add other tests' organisations).
 * Every lifecycle ends active with all its user tasks done, and all figures are produced; times are printed,
 * never asserted.
 */
@ExtendWith(Suites.MariaDb.class)
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "vaadin.devmode.devTools.enabled=false"})
@ActiveProfiles("mysql")
@Import({TimedApart.class, SameShapeProcess.class})
class LifecycleBenchmarkMariaDbIT {

    static final String SCHEMA = "consilium_lifecycle_smoke";

    @DynamicPropertySource
    static void ownSchema(DynamicPropertyRegistry registry) throws Exception {
        String url = LifecycleBenchmark.freshSchema(SCHEMA);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> Suites.MARIADB_USER);
        registry.add("spring.datasource.password", () -> Suites.MARIADB_PASSWORD);
        registry.add("consilium.attachments.directory",
                () -> System.getProperty("java.io.tmpdir") + "/consilium-lifecycle-attachments");
    }

    @Autowired
    ApplicationContext context;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void every_lifecycle_ends_active_with_its_fourteen_tasks_done_in_the_portal_and_in_both_controls()
            throws Exception {
        LifecycleBenchmark.Settings settings = new LifecycleBenchmark.Settings(3, 0, List.of(1, 2));

        LifecycleBenchmark.Report report = LifecycleBenchmark.run(context, settings, false);
        System.out.println(LifecycleBenchmark.table(report));

        assertThat(report.runs()).hasSize(6);
        assertThat(report.runs()).extracting(LifecycleBenchmark.Run::system).containsOnly(LifecycleBenchmark.PORTAL,
                LifecycleBenchmark.SAME_SHAPE, LifecycleBenchmark.TASKS_ONLY);
        assertThat(report.runs()).allSatisfy(run -> {
            assertThat(run.ended()).as(run.system() + ", " + run.drivers() + " driver(s): lifecycles ended active")
                    .isEqualTo(3);
            assertThat(run.tasks()).as(run.system() + ": user tasks completed").isEqualTo(3L * 14);
            assertThat(run.wallNanos()).isPositive();
            assertThat(run.lifecyclesPerSecond()).isPositive();
            assertThat(run.costs().processCpuNanos()).as("the JVM's CPU over the run").isPositive();
            if (Costs.now().serverCpuNanos() >= 0) {
                assertThat(run.costs().serverCpuNanos()).as("the database server's CPU, read from /proc").isPositive();
            }
        });
        assertThat(report.of(LifecycleBenchmark.PORTAL)).allSatisfy(run -> {
            assertThat(run.pdfs().get("renderAgreement").count()).as("one agreement per lifecycle").isEqualTo(3);
            assertThat(run.pdfs().get("renderSignaturePage").count()).as("one signature page per lifecycle")
                    .isEqualTo(3);
            assertThat(run.pdfs().get("assembleExecutedAgreement").count()).as("one executed agreement per lifecycle")
                    .isEqualTo(3);
            assertThat(run.passwordChecks().count()).as("two signers re-enter their password per lifecycle")
                    .isEqualTo(3L * 2);
            assertThat(run.steps()).containsKeys("submit", "completeness check", "vote (open, declare, cast)",
                    "ethics review", "agreement: generate (PDF)", "lead signature");
            assertThat(run.steps().get("vote (open, declare, cast)").calls()).isEqualTo(3L * 9);
        });
        assertThat(report.of(LifecycleBenchmark.SAME_SHAPE)).allSatisfy(run -> assertThat(run.steps())
                .as("the same-shape control passes the decision tables' way to the agreement")
                .containsKeys("completeness check", "vote", "ethics review", "foundation signature"));
        assertThat(LifecycleBenchmark.table(report)).contains("portal ÷ this", "÷ same shape", "÷ tasks only",
                "portal lifecycles/s without PDF and password-check time", "Where a driver's time goes",
                "database server CPU");
    }
}
