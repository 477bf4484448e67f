package org.consilium.perf.lifecycle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.consilium.ConsiliumApplication;
import org.consilium.Suites;
import org.consilium.perf.PerfBeans;
import org.consilium.perf.SqlCounter;
import org.consilium.proposal.ProposalStatus;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Governance lifecycle throughput (docs/performance.md): full lifecycles through the portal's services, and the
 * same user tasks in a bare Camunda process in the same engine on the same database, with 1, 2, … drivers.
 * A {@code main}, not a test; {@code LifecycleBenchmarkMariaDbIT} runs the same code small in CI.
 *
 * <pre>
 * LifecycleBenchmark [--lifecycles=200] [--warmup=20] [--drivers=1,2] [--schema=consilium_bench] [--count-sql]
 * </pre>
 * The schema is dropped and created afresh on MariaDB at {@code consilium.it.mariadb.host:port} (127.0.0.1:3306,
 * root). {@code --count-sql} adds a statement-counting DataSource and, after the measurements, one portal lifecycle
 * with its statements counted per step (the measured runs then carry the counting proxy's cost too).
 */
public final class LifecycleBenchmark {

    /** What to run: measured lifecycles per system and driver count, warm-up lifecycles of each system before. */
    public record Settings(int lifecycles, int warmup, List<Integer> drivers) {
    }

    /** One measured run of one system at one driver count. */
    public record Run(String system, int drivers, int lifecycles, long wallNanos, int ended, long tasks,
                      Map<String, StepTimes.Figure> steps, Map<String, TimedApart.Renders> pdfs, long processCpuNanos) {

        /** The drivers' CPU time per lifecycle (services and engine run on them). */
        double driverCpuMillisPerLifecycle() {
            return steps.values().stream().mapToLong(StepTimes.Figure::cpuNanos).sum() / 1e6 / lifecycles;
        }

        /** The whole JVM's CPU time per lifecycle, garbage collection and JIT included. */
        double processCpuMillisPerLifecycle() {
            return processCpuNanos / 1e6 / lifecycles;
        }

        double lifecyclesPerSecond() {
            return lifecycles / (wallNanos / 1e9);
        }

        double tasksPerSecond() {
            return tasks / (wallNanos / 1e9);
        }

        /** The agreement PDFs' renders, without the password checks timed alongside them. */
        Map<String, TimedApart.Renders> pdfRenders() {
            Map<String, TimedApart.Renders> renders = new java.util.TreeMap<>(pdfs);
            renders.remove(TimedApart.PASSWORD_CHECK);
            return renders;
        }

        long pdfNanos() {
            return pdfRenders().values().stream().mapToLong(TimedApart.Renders::nanos).sum();
        }

        TimedApart.Renders passwordChecks() {
            return pdfs.getOrDefault(TimedApart.PASSWORD_CHECK, new TimedApart.Renders(0, 0));
        }

        /** As if the PDFs took no time: each driver's share of the rendering taken off the wall time. */
        double lifecyclesPerSecondWithoutPdf() {
            return lifecycles / ((wallNanos - (double) pdfNanos() / drivers) / 1e9);
        }

        /** As if neither the PDFs nor the signers' password checks (bcrypt) took any time. */
        double lifecyclesPerSecondWithoutPdfAndPasswordChecks() {
            return lifecycles / ((wallNanos - (double) (pdfNanos() + passwordChecks().nanos()) / drivers) / 1e9);
        }
    }

    public record Report(Settings settings, List<Run> runs, String sqlPerStep) {

        public List<Run> of(String system) {
            return runs.stream().filter(r -> r.system().equals(system)).toList();
        }
    }

    static final String PORTAL = "portal";
    static final String BARE = "bare Camunda";

    private LifecycleBenchmark() {
    }

    public static Report run(ApplicationContext context, Settings settings, boolean countSql) throws Exception {
        PortalLifecycles portal = new PortalLifecycles(context);
        BareLifecycles bare = new BareLifecycles(context);
        List<Run> runs = new ArrayList<>();
        for (int drivers : settings.drivers()) {
            // Both warm up before either is measured. Measured after the bare process's warm-up alone, the portal
            // met code the JIT had compiled for the bare tasks only: the engine's dirty check of a task with a
            // description (the portal's have one) left compiled code 80,000 times in a run (jdk.Deoptimization).
            Drivers.run("bare", drivers, settings.warmup(), n -> bare.run(-1 - n, new StepTimes()));
            Drivers.run("portal", drivers, settings.warmup(), n -> portal.run(n, new StepTimes()));
            runs.addAll(measure(bare, portal, drivers, settings));
            System.out.println(line(runs.get(runs.size() - 2)));
            System.out.println(line(runs.get(runs.size() - 1)));
        }
        return new Report(settings, runs, countSql ? "Portal:\n\n" + sqlPerStep("portal", times -> portal.run(1_000_000, times))
                + "\nBare Camunda:\n\n" + sqlPerStep("bare", times -> bare.run(1_000_000, times)) : null);
    }

    /** Measured lifecycles per block: the systems take turns, so that a slower spell of the machine meets both. */
    static final int BLOCK = 50;

    /** One system's figures summed over its blocks. */
    private static final class Measured {
        final StepTimes times = new StepTimes();
        long wall;
        long cpu;
        int lifecycles;

        void block(String name, int drivers, int count, int first, java.util.function.BiConsumer<Integer, StepTimes> lifecycle)
                throws InterruptedException {
            long before = processCpu();
            wall += Drivers.run(name, drivers, count, n -> lifecycle.accept(first + n, times));
            cpu += processCpu() - before;
            lifecycles += count;
        }
    }

    /**
     * The bare process and the portal, the measured lifecycles in blocks of {@link #BLOCK} taking turns (bare,
     * portal, bare, …): run-to-run swings of this shared machine (±10 % between two runs of the same commit) then
     * fall on both systems alike instead of on whichever ran during them.
     */
    private static List<Run> measure(BareLifecycles bare, PortalLifecycles portal, int drivers, Settings settings)
            throws InterruptedException {
        Measured bareMeasured = new Measured();
        Measured portalMeasured = new Measured();
        ConcurrentLinkedQueue<String> instances = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> proposals = new ConcurrentLinkedQueue<>();
        TimedApart.reset();
        for (int first = 0; first < settings.lifecycles(); first += BLOCK) {
            int count = Math.min(BLOCK, settings.lifecycles() - first);
            bareMeasured.block("bare", drivers, count, first, (n, times) -> instances.add(bare.run(n, times)));
            portalMeasured.block("portal", drivers, count, first, (n, times) -> proposals.add(portal.run(n, times)));
        }
        Map<String, TimedApart.Renders> pdfs = TimedApart.renders();
        int bareEnded = 0;
        long bareTasks = 0;
        for (String instance : instances) {
            BareLifecycles.Outcome outcome = bare.outcome(instance);
            bareEnded += outcome.active() ? 1 : 0;
            bareTasks += outcome.tasksCompleted();
        }
        int portalEnded = 0;
        long portalTasks = 0;
        for (Long id : proposals) {
            PortalLifecycles.Outcome outcome = portal.outcome(id);
            portalEnded += outcome.status() == ProposalStatus.ACTIVE ? 1 : 0;
            portalTasks += outcome.tasksCompleted();
        }
        return List.of(
                new Run(BARE, drivers, bareMeasured.lifecycles, bareMeasured.wall, bareEnded, bareTasks,
                        bareMeasured.times.figures(), Map.of(), bareMeasured.cpu),
                new Run(PORTAL, drivers, portalMeasured.lifecycles, portalMeasured.wall, portalEnded, portalTasks,
                        portalMeasured.times.figures(), pdfs, portalMeasured.cpu));
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * One lifecycle on this thread with its statements counted per step, and the most repeated ones; every
     * statement, step by step, in target/lifecycle-sql-{system}.txt.
     */
    private static String sqlPerStep(String system, java.util.function.Consumer<StepTimes> lifecycle)
            throws java.io.IOException {
        SqlCounter.Recording recording = SqlCounter.start();
        Map<String, Integer> perStep = new LinkedHashMap<>();
        StringBuilder log = new StringBuilder();
        StepTimes times = new StepTimes() {
            @Override
            <T> T time(String step, java.util.function.Supplier<T> action) {
                int before = recording.count();
                int logged = recording.log().size();
                try {
                    return super.time(step, action);
                } finally {
                    perStep.merge(step, recording.count() - before, Integer::sum);
                    log.append("## ").append(step).append(": ").append(recording.count() - before).append('\n');
                    recording.log().subList(logged, recording.log().size()).forEach(e -> log.append(String.format(
                            Locale.ROOT, "%6d µs  ", e.nanos() / 1_000)).append(e.sql().replaceAll("\\s+", " ").strip())
                            .append('\n'));
                }
            }
        };
        try {
            lifecycle.accept(times);
        } finally {
            SqlCounter.stop();
        }
        Files.writeString(Path.of("target", "lifecycle-sql-" + system + ".txt"), log);
        StringBuilder out = new StringBuilder("| step | statements |\n|---|---:|\n");
        perStep.forEach((step, n) -> out.append("| ").append(step).append(" | ").append(n).append(" |\n"));
        out.append("| **one lifecycle** | **").append(recording.count()).append("** |\n\nMost repeated statements:\n\n");
        Map<String, Integer> repeated = new TreeMap<>();
        recording.statements().forEach(e -> repeated.merge(e.sql().replaceAll("\\s+", " ").strip(), 1, Integer::sum));
        repeated.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(e -> out.append(String.format(Locale.ROOT, "- %d × `%s`%n", e.getValue(),
                        e.getKey().length() > 160 ? e.getKey().substring(0, 160) + "…" : e.getKey())));
        return out.toString();
    }

    private static String line(Run r) {
        return String.format(Locale.ROOT, "%-13s %d driver(s): %d lifecycles in %.1f s: %.2f lifecycles/s, %.1f tasks/s"
                        + " (%d ended active, %d tasks); CPU ms per lifecycle: drivers %.0f, JVM %.0f", r.system(),
                r.drivers(), r.lifecycles(), r.wallNanos() / 1e9, r.lifecyclesPerSecond(), r.tasksPerSecond(), r.ended(),
                r.tasks(), r.driverCpuMillisPerLifecycle(), r.processCpuMillisPerLifecycle());
    }

    /** The report as markdown: throughput per system, the ratio, the portal's steps and its PDFs. */
    public static String table(Report report) {
        StringBuilder out = new StringBuilder();
        Settings s = report.settings();
        out.append(String.format(Locale.ROOT, "%d measured lifecycles per system and driver count (in turns of"
                + " " + BLOCK + ", bare then portal), %d warm-up lifecycles of each system before; %d user tasks per"
                + " lifecycle.%n%n", s.lifecycles(), s.warmup(),
                PortalLifecycles.USER_TASKS));
        out.append("| drivers | system | wall s | lifecycles/s | tasks/s | portal / bare | driver CPU ms / lifecycle |"
                        + " JVM CPU ms / lifecycle |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (int drivers : s.drivers()) {
            Run bare = find(report, BARE, drivers);
            Run portal = find(report, PORTAL, drivers);
            out.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.2f | %.1f | | %.0f | %.0f |%n", drivers, BARE,
                    bare.wallNanos() / 1e9, bare.lifecyclesPerSecond(), bare.tasksPerSecond(),
                    bare.driverCpuMillisPerLifecycle(), bare.processCpuMillisPerLifecycle()));
            out.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.2f | %.1f | %.3f | %.0f | %.0f |%n", drivers,
                    PORTAL, portal.wallNanos() / 1e9, portal.lifecyclesPerSecond(), portal.tasksPerSecond(),
                    portal.lifecyclesPerSecond() / bare.lifecyclesPerSecond(), portal.driverCpuMillisPerLifecycle(),
                    portal.processCpuMillisPerLifecycle()));
        }
        out.append("\nAgreement PDFs (inside the portal's calls; the ratio without them):\n\n")
                .append("| drivers | PDF | renders | total s | mean ms | portal lifecycles/s without PDF time |"
                        + " portal / bare without PDF time |\n|---:|---|---:|---:|---:|---:|---:|\n");
        for (int drivers : s.drivers()) {
            Run portal = find(report, PORTAL, drivers);
            Run bare = find(report, BARE, drivers);
            portal.pdfRenders().forEach((method, r) -> out.append(String.format(Locale.ROOT, "| %d | %s | %d | %.1f | %.1f"
                    + " | | |%n", drivers, method, r.count(), r.nanos() / 1e9, r.nanos() / 1e6 / Math.max(1, r.count()))));
            out.append(String.format(Locale.ROOT, "| %d | all | %d | %.1f | %.1f | %.2f | %.3f |%n", drivers,
                    portal.pdfRenders().values().stream().mapToLong(TimedApart.Renders::count).sum(),
                    portal.pdfNanos() / 1e9, portal.pdfNanos() / 1e6 / Math.max(1, portal.pdfRenders().values()
                            .stream().mapToLong(TimedApart.Renders::count).sum()),
                    portal.lifecyclesPerSecondWithoutPdf(),
                    portal.lifecyclesPerSecondWithoutPdf() / bare.lifecyclesPerSecond()));
        }
        out.append("\nPassword checks (the bcrypt hash of the password each signer enters again, a domain"
                        + " requirement; reported apart as the UI benchmark reports sign-in):\n\n")
                .append("| drivers | checks | total s | mean ms | portal lifecycles/s without PDF and password-check"
                        + " time | portal / bare without PDF and password-check time |\n|---:|---:|---:|---:|---:|---:|\n");
        for (int drivers : s.drivers()) {
            Run portal = find(report, PORTAL, drivers);
            Run bare = find(report, BARE, drivers);
            TimedApart.Renders checks = portal.passwordChecks();
            out.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.2f | %.3f |%n", drivers, checks.count(),
                    checks.nanos() / 1e9, checks.nanos() / 1e6 / Math.max(1, checks.count()),
                    portal.lifecyclesPerSecondWithoutPdfAndPasswordChecks(),
                    portal.lifecyclesPerSecondWithoutPdfAndPasswordChecks() / bare.lifecyclesPerSecond()));
        }
        for (String system : List.of(PORTAL, BARE)) {
            out.append("\nSteps, ").append(system).append(" (time summed over the drivers):\n\n")
                    .append("| drivers | step | calls | mean ms | share | CPU ms per call |\n")
                    .append("|---:|---|---:|---:|---:|---:|\n");
            for (Run r : report.of(system)) {
                long total = r.steps().values().stream().mapToLong(StepTimes.Figure::nanos).sum();
                r.steps().values().forEach(f -> out.append(String.format(Locale.ROOT, "| %d | %s | %d | %.1f |"
                                + " %.1f %% | %.1f |%n", r.drivers(), f.step(), f.calls(), f.nanos() / 1e6 / f.calls(),
                        100.0 * f.nanos() / total, f.cpuNanos() / 1e6 / f.calls())));
            }
        }
        if (report.sqlPerStep() != null) {
            out.append("\nStatements of one lifecycle:\n\n").append(report.sqlPerStep());
        }
        return out.toString();
    }

    private static Run find(Report report, String system, int drivers) {
        return report.runs().stream().filter(r -> r.system().equals(system) && r.drivers() == drivers).findFirst()
                .orElseThrow();
    }

    /** Drops and creates the schema; returns its JDBC URL. */
    public static String freshSchema(String schema) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + Suites.MARIADB_HOST + ":" + Suites.MARIADB_PORT
                + "/", Suites.MARIADB_USER, Suites.MARIADB_PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + schema + "`");
            s.execute("CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return Suites.mariaDbUrl().replace("/" + Suites.MARIADB_DATABASE + "?", "/" + schema + "?");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        Settings settings = new Settings(Integer.parseInt(options.getOrDefault("lifecycles", "200")),
                Integer.parseInt(options.getOrDefault("warmup", "20")),
                Arrays.stream(options.getOrDefault("drivers", "1,2").split(",")).map(String::strip)
                        .map(Integer::valueOf).toList());
        boolean countSql = options.containsKey("count-sql");
        String schema = options.getOrDefault("schema", "consilium_bench");

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", freshSchema(schema));
        properties.put("spring.datasource.username", Suites.MARIADB_USER);
        properties.put("spring.datasource.password", Suites.MARIADB_PASSWORD);
        properties.put("consilium.attachments.directory", "target/lifecycle-attachments");
        // timers lie weeks ahead; the job executor would only poll the database while we measure
        properties.put("camunda.bpm.job-execution.enabled", "false");
        properties.put("server.port", "0");
        properties.put("server.servlet.session.cookie.secure", "false");
        properties.put("vaadin.devmode.devTools.enabled", "false");
        properties.put("vaadin.launch-browser", "false");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        List<Class<?>> sources = new ArrayList<>(List.of(ConsiliumApplication.class, TimedApart.class));
        if (countSql) {
            sources.add(PerfBeans.class);
        }
        SpringApplicationBuilder app = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).profiles("mysql");
        // as command-line arguments: they outrank application-mysql.yml, which default properties would not
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        Report report;
        try (ConfigurableApplicationContext context = app.run(arguments)) {
            report = run(context, settings, countSql);
        }
        String markdown = String.format(Locale.ROOT, "# Governance lifecycle throughput%n%nMariaDB schema %s, %d cores,"
                        + " Java %s; %s%n%n", schema, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), java.time.Instant.now()) + table(report);
        Path out = Path.of("target", "lifecycle-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, markdown);
        System.out.println(markdown);
        System.out.println("Report written to " + out);
    }
}
