package org.consilium.perf;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.consilium.SignIn;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

/** Runs the generator and the benchmark inside a started portal; shared by PerfRun and the CI smoke test. */
final class PerfHarness {

    private PerfHarness() {
    }

    static ProposalGenerator.Result generate(ApplicationContext context, int proposals, long seed) throws SQLException {
        Environment env = context.getEnvironment();
        String url = env.getRequiredProperty("spring.datasource.url");
        boolean mysql = url.startsWith("jdbc:mysql:");
        OpenProcesses processes = new OpenProcesses(context.getBean(RuntimeService.class),
                context.getBean(org.camunda.bpm.engine.ManagementService.class),
                context.getBean(PlatformTransactionManager.class), context.getBean(Clock.class).instant());
        ProposalGenerator generator = new ProposalGenerator(context.getBean(ObjectMapper.class),
                context.getBean(PasswordEncoder.class).encode(ProposalGenerator.PASSWORD), processes,
                context.getBean(Clock.class).instant(), seed);
        // Connector/J sends a batch as one multi-row INSERT only when asked to; the portal's own pool is left
        // as it is (Camunda's batch processing relies on per-statement update counts).
        try (Connection connection = mysql
                ? DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true",
                env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password", ""))
                : context.getBean(DataSource.class).getConnection()) {
            ProposalGenerator.Result result = generator.generate(connection, proposals, !mysql);
            LoggerFactory.getLogger(PerfHarness.class).info("Process instances placed:\n{}", processes.costs());
            return result;
        }
    }

    static FirstPageBenchmark benchmark(ApplicationContext context) {
        return new FirstPageBenchmark(new SignIn(context.getBean(UserDetailsService.class)));
    }

    static List<FirstPageBenchmark.Screen> screens(ApplicationContext context) {
        return Screens.standard(context, Screens.Subjects.of(context.getBean(JdbcTemplate.class)));
    }

    static String describe(ProposalGenerator.Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Generated %,d proposals: %,d rows in %.1f s (%,.0f rows/s);"
                        + " %,d process instances in %.1f s (%.0f instances/s)%n", r.proposals(), r.totalRows(),
                r.bulkMillis() / 1000.0, r.rowsPerSecond(), r.processInstances(), r.processMillis() / 1000.0,
                r.processInstances() * 1000.0 / Math.max(1, r.processMillis())));
        out.append("statuses: ").append(r.statuses()).append('\n');
        r.rows().forEach((table, n) -> out.append(String.format(Locale.ROOT, "  %-28s %,12d%n", table, n)));
        return out.toString();
    }

    /** Rows per table of the engine's runtime, for the report. */
    static Map<String, Long> engineCounts(JdbcTemplate jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_IDENTITYLINK", "ACT_RU_VARIABLE",
                "ACT_RU_JOB", "ACT_HI_ACTINST", "ACT_HI_TASKINST")) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }

    /** EXPLAIN of each statement one opening of each screen sends, slowest first. */
    static String explain(ApplicationContext context, List<FirstPageBenchmark.Screen> screens, boolean mysql)
            throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        FirstPageBenchmark benchmark = benchmark(context);
        StringBuilder out = new StringBuilder();
        for (FirstPageBenchmark.Screen screen : screens) {
            benchmark.record(screen);
            SqlCounter.Recording recording = benchmark.record(screen);
            out.append("\n=== ").append(screen.name()).append(": ").append(recording.count()).append(" statements\n");
            List<SqlCounter.Executed> slowest = new ArrayList<>(recording.statements());
            slowest.sort((a, b) -> Long.compare(b.nanos(), a.nanos()));
            for (SqlCounter.Executed e : slowest) {
                out.append(String.format(Locale.ROOT, "%n%.2f ms  %s%n", e.nanos() / 1e6, e.literal().replaceAll("\\s+", " ")));
                String sql = e.literal().strip();
                if (sql.regionMatches(true, 0, "select", 0, 6)) {
                    try {
                        for (Map<String, Object> row : jdbc.queryForList("EXPLAIN " + sql)) {
                            out.append("    ").append(mysql ? row : row.values()).append('\n');
                        }
                    } catch (RuntimeException ex) {
                        out.append("    (EXPLAIN failed: ").append(ex.getMessage()).append(")\n");
                    }
                }
            }
        }
        return out.toString();
    }
}
