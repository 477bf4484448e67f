package org.consilium.cockpit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.consilium.ConsiliumApplication;
import org.consilium.SignIn;
import org.consilium.cockpit.Lines.AgreementFilter;
import org.consilium.cockpit.Lines.ProposalFilter;
import org.consilium.cockpit.Lines.StayFilter;
import org.consilium.cockpit.Lines.TaskFilter;
import org.consilium.proposal.ProposalStatus;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fast the cockpit answers with 100,000 proposals and about a million timeline rows on MariaDB. Not a
 * test: run by hand (docs/performance.md, "Cockpit"). Creates the database {@code consilium_cockpit_scale}
 * (Flyway and Camunda make the schema), fills it once with {@link CockpitDemoData} (five years of
 * proposals, a few hundred open tasks), then times each figure and the first page of each list.
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.consilium.cockpit.CockpitScaleBenchmark
 * </pre>
 *
 * System properties: {@code proposals} (100000), {@code tasks} (300), {@code runs} (5), {@code host} (127.0.0.1),
 * {@code port} (3306), {@code user} (root), {@code password} (empty), {@code database} (consilium_cockpit_scale).
 */
public final class CockpitScaleBenchmark {

    private CockpitScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int proposals = Integer.getInteger("proposals", 100_000);
        int openTasks = Integer.getInteger("tasks", 300);
        int runs = Integer.getInteger("runs", 5);
        String host = System.getProperty("host", "127.0.0.1");
        String port = System.getProperty("port", "3306");
        String user = System.getProperty("user", "root");
        String password = System.getProperty("password", "");
        String database = System.getProperty("database", "consilium_cockpit_scale");
        String server = "jdbc:mysql://" + host + ":" + port + "/";
        try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        String url = server + database + "?nullDatabaseMeansCurrent=true&connectionTimeZone=UTC"
                + "&forceConnectionTimeZoneToSession=true&characterEncoding=UTF-8&rewriteBatchedStatements=true";
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ConsiliumApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("spring.datasource.url=" + url, "spring.datasource.username=" + user,
                        "spring.datasource.password=" + password,
                        "spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED",
                        "consilium.demo-data=false", "camunda.bpm.job-execution.enabled=false",
                        "consilium.attachments.directory=target/scale-attachments", "logging.level.root=warn", "server.port=0",
                        "vaadin.launch-browser=false")
                .run()) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Clock clock = context.getBean(Clock.class);
            Instant now = clock.instant();
            seed(context, jdbc, proposals, openTasks, now);
            jdbc.execute("ANALYZE TABLE proposal, proposal_event, agreement, agreement_version");
            report(context, jdbc, clock, runs);
        }
    }

    private static void seed(ConfigurableApplicationContext context, JdbcTemplate jdbc, int proposals, int openTasks,
                             Instant now) {
        Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM proposal", Long.class);
        if (existing != null && existing >= proposals) {
            System.out.println("Already seeded: " + existing + " proposals");
            return;
        }
        jdbc.update("INSERT INTO organisation (name, country_code, type, active, created_at) VALUES"
                + " ('Scale Hospital A', 'NL', 'HOSPITAL', TRUE, NOW()), ('Scale Hospital B', 'FR', 'HOSPITAL', TRUE, NOW()),"
                + " ('Scale University', 'DE', 'UNIVERSITY', TRUE, NOW())");
        List<Long> organisations = jdbc.queryForList("SELECT id FROM organisation WHERE name LIKE 'Scale %'", Long.class);
        jdbc.update("INSERT INTO person (username, full_name, email, password_hash, organisation_id, active, created_at)"
                + " VALUES ('scale-researcher', 'Scale Researcher', 'scale@test.example', '{noop}x', ?, TRUE, NOW())",
                organisations.get(0));
        Long applicant = jdbc.queryForObject("SELECT id FROM person WHERE username = 'scale-researcher'", Long.class);
        long started = System.nanoTime();
        CockpitDemoData.Summary summary = new CockpitDemoData(jdbc, 100_000L).generate(proposals, 5, now, organisations,
                applicant);
        System.out.printf(Locale.ROOT, "Seeded %d proposals, %d timeline rows in %.0f s: %s%n", proposals,
                summary.events(), (System.nanoTime() - started) / 1e9, summary.statuses());
        SignIn.asAdministrator();
        try {
            started = System.nanoTime();
            int opened = new CockpitDemoData(jdbc, 7L).openTasks(context.getBean(RuntimeService.class),
                    context.getBean(TaskService.class), openTasks, now);
            System.out.printf(Locale.ROOT, "Opened %d tasks in %.0f s%n", opened, (System.nanoTime() - started) / 1e9);
        } finally {
            SignIn.out();
        }
    }

    private static void report(ConfigurableApplicationContext context, JdbcTemplate jdbc, Clock clock, int runs)
            throws Exception {
        CockpitService cockpit = context.getBean(CockpitService.class);
        CockpitQueries queries = context.getBean(CockpitQueries.class);
        ReportingPeriod year = ReportingPeriod.lastTwelveMonths(clock, ZoneOffset.UTC);
        ReportingPeriod fiveYears = new ReportingPeriod(year.last().minusYears(5), year.last(), ZoneOffset.UTC);
        Paging first = Paging.first(50);
        List<String> rows = new ArrayList<>();
        rows.add("| what | median ms | min ms | max ms | answer |");
        rows.add("|---|---:|---:|---:|---|");
        SignIn.asAdministrator();
        try {
            rows.add(time("whole first page: `figures(last 12 months)`", runs, () -> summary(cockpit.figures(year))));
            rows.add(time("proposals per status", runs, () -> queries.proposalsByStatus().toString()));
            rows.add(time("stage times, last 12 months", runs, () -> stages(queries.stageTimes(year))));
            rows.add(time("stage times, five years", runs, () -> stages(queries.stageTimes(fiveYears))));
            rows.add(time("tasks per step (overdue, due soon)", runs, () -> Integer.toString(
                    context.getBean(org.consilium.workflow.DeadlineTasks.class)
                            .countByStep(clock.instant(), clock.instant().plusSeconds(7 * 86_400)).size()) + " steps"));
            rows.add(time("agreements awaiting signature + expiring", runs, () -> queries.agreementsAwaitingSignature()
                    + " / " + queries.agreementsExpiring(clock.instant(), clock.instant().plusSeconds(60 * 86_400))));
            ProposalFilter all = new ProposalFilter(null, null);
            rows.add(time("proposal list, first page (latest change first) + count", runs,
                    () -> cockpit.proposals(all, first).size() + " rows of " + cockpit.countProposals(all)));
            ProposalFilter review = new ProposalFilter(ProposalStatus.UNDER_REVIEW, null);
            rows.add(time("proposal list `?status=UNDER_REVIEW`, first page + count", runs,
                    () -> cockpit.proposals(review, first).size() + " rows of " + cockpit.countProposals(review)));
            ProposalFilter text = new ProposalFilter(null, "myeloma");
            rows.add(time("proposal list `?q=myeloma`, first page + count", runs,
                    () -> cockpit.proposals(text, first).size() + " rows of " + cockpit.countProposals(text)));
            TaskFilter overdue = new TaskFilter(TaskDue.OVERDUE, null, null);
            rows.add(time("task list `?due=overdue`, first page + count", runs,
                    () -> cockpit.tasks(overdue, first).size() + " rows of " + cockpit.countTasks(overdue)));
            AgreementFilter awaiting = new AgreementFilter(AgreementShow.AWAITING_SIGNATURE, null);
            rows.add(time("agreement list `?show=awaiting-signature`, first page + count", runs,
                    () -> cockpit.agreements(awaiting, first).size() + " rows of " + cockpit.countAgreements(awaiting)));
            StayFilter stays = new StayFilter(Stage.REVIEW, year);
            rows.add(time("time in review, last 12 months, first page (longest first) + count", runs,
                    () -> cockpit.stays(stays, first).size() + " rows of " + cockpit.countStays(stays)));
        } finally {
            SignIn.out();
        }
        long proposals = jdbc.queryForObject("SELECT COUNT(*) FROM proposal", Long.class);
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM proposal_event", Long.class);
        long tasks = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class);
        String version = jdbc.queryForObject("SELECT VERSION()", String.class);
        String header = String.format(Locale.ROOT, "%d proposals, %d timeline rows, %d open tasks; %s; %d runs after one"
                + " warm-up", proposals, events, tasks, version, runs);
        String report = header + "\n\n" + String.join("\n", rows) + "\n";
        System.out.println(report);
        Files.writeString(Path.of("target", "cockpit-scale.md"), report);
    }

    private static String time(String what, int runs, Supplier<String> call) {
        String answer = call.get();
        long[] millis = new long[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            answer = call.get();
            millis[i] = (System.nanoTime() - started) / 1_000_000;
        }
        Arrays.sort(millis);
        String row = String.format(Locale.ROOT, "| %s | %d | %d | %d | %s |", what, millis[runs / 2], millis[0],
                millis[runs - 1], answer);
        System.out.println(row);
        return row;
    }

    private static String summary(CockpitFigures f) {
        return "overdue " + f.overdueTasks() + ", due soon " + f.tasksDueSoon() + ", awaiting " + f.awaitingSignature()
                + ", expiring " + f.expiringSoon() + ", review median " + String.format(Locale.ROOT, "%.1f d",
                f.stageTime(Stage.REVIEW).medianDays());
    }

    private static String stages(List<StageTime> times) {
        return times.stream().mapToLong(StageTime::proposals).sum() + " stays";
    }
}
