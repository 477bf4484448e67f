package org.consilium.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.consilium.ConsiliumApplication;
import org.consilium.Suites;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The documented 100,000-proposal run (docs/performance.md): starts the portal against its own database,
 * optionally generates the data, then benchmarks the first pages and/or EXPLAINs their statements.
 * A {@code main}, not a test: the build never runs it (the CI smoke test runs the same code small).
 *
 * <pre>
 * PerfRun --database=mariadb|h2 --size=100000 [--generate] [--bench] [--explain] [--warmup=20] [--rounds=100]
 *         [--screens=regex] [--seed=42] [--schema=consilium_perf] [--browser [--browser-rounds=10] [--url=http://host:port]]
 * </pre>
 */
public final class PerfRun {

    private PerfRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        boolean mariadb = !"h2".equals(options.getOrDefault("database", "mariadb"));
        int size = Integer.parseInt(options.getOrDefault("size", "100000"));
        boolean generate = options.containsKey("generate");
        String schema = options.getOrDefault("schema", "consilium_perf");
        Path h2 = Path.of("target", "perf-h2");

        Map<String, Object> properties = new HashMap<>();
        properties.put("consilium.demo-data", "false");
        properties.put("camunda.bpm.job-execution.enabled", "false");
        properties.put("consilium.attachments.directory", "target/perf-attachments");
        properties.put("server.port", options.getOrDefault("port", "0"));
        properties.put("server.servlet.session.cookie.secure", "false");
        properties.put("vaadin.devmode.devTools.enabled", "false");
        properties.put("vaadin.launch-browser", "false");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.org.consilium.perf", "INFO");
        SpringApplicationBuilder app = new SpringApplicationBuilder(ConsiliumApplication.class, PerfBeans.class);
        if (mariadb) {
            if (generate) {
                try (Connection c = DriverManager.getConnection("jdbc:mysql://" + Suites.MARIADB_HOST + ":"
                        + Suites.MARIADB_PORT + "/", Suites.MARIADB_USER, Suites.MARIADB_PASSWORD);
                     Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS `" + schema + "`");
                    s.execute("CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                }
            }
            app.profiles("mysql");
            properties.put("spring.datasource.url", Suites.mariaDbUrl().replace("/" + Suites.MARIADB_DATABASE + "?",
                    "/" + schema + "?"));
            properties.put("spring.datasource.username", Suites.MARIADB_USER);
            properties.put("spring.datasource.password", Suites.MARIADB_PASSWORD);
        } else {
            if (generate) {
                FileSystemUtils.deleteRecursively(h2);
            }
            properties.put("spring.datasource.url", "jdbc:h2:file:./" + h2 + "/consilium;MODE=MySQL;NON_KEYWORDS=VALUE");
        }
        StringBuilder report = new StringBuilder();
        long start = System.currentTimeMillis();
        // as command-line arguments: they outrank application-mysql.yml, which default properties would not
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = app.run(arguments)) {
            log(report, "Portal started in %.1f s (%s)", (System.currentTimeMillis() - start) / 1000.0,
                    mariadb ? "MariaDB, database " + schema : "H2 file database " + h2);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            if (generate) {
                ProposalGenerator.Result result = PerfHarness.generate(context,
                        size, Long.parseLong(options.getOrDefault("seed", "42")));
                log(report, "%s", PerfHarness.describe(result));
            }
            log(report, "Engine: %s", PerfHarness.engineCounts(jdbc));
            log(report, "Proposals: %,d; audit entries: %,d; people: %,d",
                    jdbc.queryForObject("SELECT COUNT(*) FROM proposal", Long.class),
                    jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class),
                    jdbc.queryForObject("SELECT COUNT(*) FROM person", Long.class));
            List<FirstPageBenchmark.Screen> screens = PerfHarness.screens(context);
            if (options.containsKey("screens")) {
                // e.g. --screens='^(?!Cockpit \(|Cockpit: time).*' to leave out what would take minutes per round
                java.util.regex.Pattern chosen = java.util.regex.Pattern.compile(options.get("screens"));
                screens = screens.stream().filter(s -> chosen.matcher(s.name()).find()).toList();
            }
            if (options.containsKey("explain")) {
                log(report, "%s", PerfHarness.explain(context, screens, mariadb));
            }
            if (options.containsKey("bench")) {
                int warmup = Integer.parseInt(options.getOrDefault("warmup", "20"));
                int rounds = Integer.parseInt(options.getOrDefault("rounds", "100"));
                log(report, "First pages, %d warm-up rounds, %d measured rounds:%n%s", warmup, rounds,
                        FirstPageBenchmark.table(PerfHarness.benchmark(context).run(screens, warmup, rounds)));
            }
            if (options.containsKey("browser")) {
                // the portal this run started, or one started elsewhere (e.g. the production jar) on the same database
                String url = options.getOrDefault("url", "http://localhost:"
                        + ((org.springframework.boot.web.context.WebServerApplicationContext) context).getWebServer().getPort());
                log(report, "%s", BrowserTimes.measure(url, Screens.Subjects.of(jdbc),
                        Integer.parseInt(options.getOrDefault("browser-rounds", "10"))));
            }
        }
        Path out = Path.of("target", "perf-report-" + (mariadb ? "mariadb" : "h2") + "-" + size + ".md");
        Files.writeString(out, report);
        System.out.println("Report written to " + out);
    }

    private static void log(StringBuilder report, String format, Object... args) throws IOException {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        report.append(line).append('\n');
    }
}
