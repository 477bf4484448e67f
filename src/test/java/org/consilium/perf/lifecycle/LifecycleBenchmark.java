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
import java.util.function.BiFunction;
import java.util.function.Function;
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
 * same lifecycle in two processes without portal code ({@link BareLifecycles}: the portal's process of the same
 * shape, and its user tasks only) in the same engine on the same database, with 1, 2, … drivers.
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
                      Map<String, StepTimes.Figure> steps, Map<String, TimedApart.Renders> pdfs, Costs costs) {

        /** The drivers' CPU time per lifecycle (services and engine run on them). */
        double driverCpuMillisPerLifecycle() {
            return steps.values().stream().mapToLong(StepTimes.Figure::cpuNanos).sum() / 1e6 / lifecycles;
        }

        /** The whole JVM's CPU time per lifecycle, garbage collection and JIT included. */
        double processCpuMillisPerLifecycle() {
            return costs.processCpuNanos() / 1e6 / lifecycles;
        }

        /** A driver's wall time per lifecycle (each driver runs its share of the lifecycles). */
        double driverWallMillisPerLifecycle() {
            return wallNanos * drivers / 1e6 / lifecycles;
        }

        /** A driver's wall time per lifecycle that is not its own CPU: waiting for the database, the JVM, the cores. */
        double waitMillisPerLifecycle() {
            return driverWallMillisPerLifecycle() - driverCpuMillisPerLifecycle();
        }

        /** The database server's CPU per lifecycle, or NaN where it does not run on this machine. */
        double serverCpuMillisPerLifecycle() {
            return costs.serverCpuNanos() < 0 ? Double.NaN : costs.serverCpuNanos() / 1e6 / lifecycles;
        }

        /** {@link #serverCpuMillisPerLifecycle} as the reports print it: "n/a" where the server is elsewhere. */
        String serverCpu(String format) {
            double millis = serverCpuMillisPerLifecycle();
            return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, format, millis);
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
    /** The control the goal is judged against: the portal's own process, its calls into the portal replaced. */
    static final String SAME_SHAPE = "bare (same shape)";
    /** The first control: the same user tasks and timers, no gateways, decision tables or service tasks. */
    static final String TASKS_ONLY = "bare (tasks only)";

    private LifecycleBenchmark() {
    }

    /** A system the benchmark drives: one lifecycle (returning its id), and how that lifecycle ended. */
    private record Driven(String name, String thread, BiFunction<Integer, StepTimes, Object> lifecycle,
                          Function<Object, Ended> ended) {
    }

    /** Whether a lifecycle ended where it should (the active project), and how many user tasks it completed. */
    private record Ended(boolean ended, long tasks) {
    }

    public static Report run(ApplicationContext context, Settings settings, boolean countSql) throws Exception {
        PortalLifecycles portal = new PortalLifecycles(context);
        BareLifecycles tasksOnly = BareLifecycles.tasksOnly(context);
        BareLifecycles sameShape = BareLifecycles.sameShape(context);
        List<Driven> systems = List.of(
                new Driven(TASKS_ONLY, "tasks-only", (n, times) -> tasksOnly.run(n, times), id -> {
                    BareLifecycles.Outcome o = tasksOnly.outcome((String) id);
                    return new Ended(o.active(), o.tasksCompleted());
                }),
                new Driven(SAME_SHAPE, "same-shape", (n, times) -> sameShape.run(n, times), id -> {
                    BareLifecycles.Outcome o = sameShape.outcome((String) id);
                    return new Ended(o.active(), o.tasksCompleted());
                }),
                new Driven(PORTAL, "portal", (n, times) -> portal.run(n, times), id -> {
                    PortalLifecycles.Outcome o = portal.outcome((Long) id);
                    return new Ended(o.status() == ProposalStatus.ACTIVE, o.tasksCompleted());
                }));
        List<Run> runs = new ArrayList<>();
        for (int drivers : settings.drivers()) {
            // All warm up before any is measured, in short turns, so that the JIT profiles the engine's code with
            // every system's tasks from the start. Compiled while one system's tasks alone ran, the engine's dirty
            // check of a task (TaskEntity.getPersistentState) assumed their shape: after a control's warm-up alone,
            // the tasks with a description (the portal's and the same-shape control's) left the compiled code at
            // every flush, 174 times a portal lifecycle, without its ever being recompiled (jdk.Deoptimization,
            // unstable_if, action none). See docs/performance.md, lifecycle "Ninth round".
            for (int first = 0; first < settings.warmup(); first += WARM_UP_TURN) {
                int count = Math.min(WARM_UP_TURN, settings.warmup() - first), from = first;
                for (Driven system : systems) {
                    Drivers.run(system.thread(), drivers, count,
                            n -> system.lifecycle().apply(WARM_UP + from + n, new StepTimes()));
                }
            }
            List<Run> measured = measure(systems, drivers, settings);
            measured.forEach(r -> System.out.println(line(r)));
            runs.addAll(measured);
        }
        if (!countSql) {
            return new Report(settings, runs, null);
        }
        try (ServerCounters server = new ServerCounters(context.getEnvironment())) {
            return new Report(settings, runs, "Portal:\n\n" + sqlPerStep("portal", server,
                    times -> portal.run(1_000_000, times))
                    + "\nBare (same shape):\n\n" + sqlPerStep("same-shape", server,
                    times -> sameShape.run(1_000_000, times))
                    + "\nBare (tasks only):\n\n" + sqlPerStep("tasks-only", server,
                    times -> tasksOnly.run(1_000_000, times)));
        }
    }

    /** The warm-up lifecycles' numbers start here (the measured ones at 0, the counted one at 1,000,000). */
    private static final int WARM_UP = 2_000_000;

    /** Warm-up lifecycles per turn: short, so that no system's code is compiled for its own tasks alone. */
    static final int WARM_UP_TURN = 5;

    /** Measured lifecycles per block: the systems take turns, so that a slower spell of the machine meets all. */
    static final int BLOCK = 50;

    /** One system's figures summed over its blocks, and the ids of its lifecycles. */
    private static final class Measured {
        final StepTimes times = new StepTimes();
        final ConcurrentLinkedQueue<Object> ids = new ConcurrentLinkedQueue<>();
        long wall;
        Costs costs = Costs.NONE;
        int lifecycles;

        void block(Driven system, int drivers, int count, int first) throws InterruptedException {
            Costs before = Costs.now();
            wall += Drivers.run(system.thread(), drivers, count,
                    n -> ids.add(system.lifecycle().apply(first + n, times)));
            costs = costs.plus(Costs.now().minus(before));
            lifecycles += count;
        }
    }

    /**
     * The systems, the measured lifecycles in blocks of {@link #BLOCK} taking turns (tasks only, same shape,
     * portal, tasks only, …): run-to-run swings of this shared machine (±10 % between two runs of the same
     * commit) then fall on all systems alike instead of on whichever ran during them.
     */
    private static List<Run> measure(List<Driven> systems, int drivers, Settings settings)
            throws InterruptedException {
        Map<Driven, Measured> measured = new LinkedHashMap<>();
        systems.forEach(system -> measured.put(system, new Measured()));
        TimedApart.reset();
        for (int first = 0; first < settings.lifecycles(); first += BLOCK) {
            int count = Math.min(BLOCK, settings.lifecycles() - first);
            for (Driven system : systems) {
                measured.get(system).block(system, drivers, count, first);
            }
        }
        Map<String, TimedApart.Renders> timedApart = TimedApart.renders();
        List<Run> runs = new ArrayList<>();
        measured.forEach((system, m) -> {
            int ended = 0;
            long tasks = 0;
            for (Object id : m.ids) {
                Ended e = system.ended().apply(id);
                ended += e.ended() ? 1 : 0;
                tasks += e.tasks();
            }
            runs.add(new Run(system.name(), drivers, m.lifecycles, m.wall, ended, tasks, m.times.figures(),
                    system.name().equals(PORTAL) ? timedApart : Map.of(), m.costs));
        });
        return runs;
    }

    /**
     * One lifecycle on this thread with its statements counted per step, and the most repeated ones; every
     * statement, step by step, in target/lifecycle-sql-{system}.txt.
     */
    private static String sqlPerStep(String system, ServerCounters server,
                                     java.util.function.Consumer<StepTimes> lifecycle) throws java.io.IOException {
        SqlCounter.Recording recording = SqlCounter.start();
        Map<String, Integer> perStep = new LinkedHashMap<>();
        Map<String, ServerCounters.Delta> atServer = new LinkedHashMap<>();
        StringBuilder log = new StringBuilder();
        StepTimes times = new StepTimes() {
            @Override
            <T> T time(String step, java.util.function.Supplier<T> action) {
                int before = recording.count();
                int logged = recording.log().size();
                ServerCounters.Snapshot serverBefore = server.snapshot();
                try {
                    return super.time(step, action);
                } finally {
                    atServer.merge(step, server.since(serverBefore), ServerCounters.Delta::plus);
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
        StringBuilder out = new StringBuilder("| step | statements | " + ServerCounters.Delta.HEADER + " |\n|---|---:|"
                + ServerCounters.Delta.ALIGNMENT + "\n");
        perStep.forEach((step, n) -> out.append("| ").append(step).append(" | ").append(n).append(" | ")
                .append(atServer.get(step).cells()).append(" |\n"));
        out.append("| **one lifecycle** | **").append(recording.count()).append("** | ")
                .append(atServer.values().stream().reduce(ServerCounters.Delta::plus).orElseThrow().cells())
                .append(" |\n\nMost repeated statements:\n\n");
        Map<String, Integer> repeated = new TreeMap<>();
        recording.statements().forEach(e -> repeated.merge(e.sql().replaceAll("\\s+", " ").strip(), 1, Integer::sum));
        repeated.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(e -> out.append(String.format(Locale.ROOT, "- %d × `%s`%n", e.getValue(),
                        e.getKey().length() > 160 ? e.getKey().substring(0, 160) + "…" : e.getKey())));
        return out.toString();
    }

    private static String line(Run r) {
        return String.format(Locale.ROOT, "%-17s %d driver(s): %d lifecycles in %.1f s: %.2f lifecycles/s, %.1f tasks/s"
                        + " (%d ended active, %d tasks); CPU ms per lifecycle: drivers %.0f, JVM %.0f, database server %s",
                r.system(), r.drivers(), r.lifecycles(), r.wallNanos() / 1e9, r.lifecyclesPerSecond(),
                r.tasksPerSecond(), r.ended(), r.tasks(), r.driverCpuMillisPerLifecycle(),
                r.processCpuMillisPerLifecycle(), r.serverCpu("%.0f"));
    }

    /** The report as markdown: throughput per system, the portal's ratios, its steps, PDFs and password checks. */
    public static String table(Report report) {
        StringBuilder out = new StringBuilder();
        Settings s = report.settings();
        out.append(String.format(Locale.ROOT, "%d measured lifecycles per system and driver count (in turns of"
                + " " + BLOCK + ": %s; %s; %s), %d warm-up lifecycles of each system before; %d user tasks per"
                + " lifecycle. The goal's ratio is the portal's against the control of the same shape.%n%n",
                s.lifecycles(), TASKS_ONLY, SAME_SHAPE, PORTAL, s.warmup(), PortalLifecycles.USER_TASKS));
        out.append("| drivers | system | wall s | lifecycles/s | tasks/s | portal ÷ this | driver CPU ms / lifecycle |"
                        + " JVM CPU ms / lifecycle |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (int drivers : s.drivers()) {
            Run portal = find(report, PORTAL, drivers);
            for (String system : List.of(TASKS_ONLY, SAME_SHAPE, PORTAL)) {
                Run r = find(report, system, drivers);
                out.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.2f | %.1f | %s | %.0f | %.0f |%n", drivers,
                        system, r.wallNanos() / 1e9, r.lifecyclesPerSecond(), r.tasksPerSecond(),
                        system.equals(PORTAL) ? "" : String.format(Locale.ROOT, "%.3f",
                                portal.lifecyclesPerSecond() / r.lifecyclesPerSecond()),
                        r.driverCpuMillisPerLifecycle(), r.processCpuMillisPerLifecycle()));
            }
        }
        out.append("\nWhere a driver's time goes, ms per lifecycle (a driver's wall time is its own CPU and its waiting;"
                        + " the database server's CPU, the JVM's CPU outside the drivers, its collection pauses and its"
                        + " compilers' time are over the same stretches, for all drivers together):\n\n")
                .append("| drivers | system | driver's wall | driver's CPU | waiting | database server CPU |"
                        + " JVM CPU outside the drivers | GC pauses | JIT compiling |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int drivers : s.drivers()) {
            for (String system : List.of(TASKS_ONLY, SAME_SHAPE, PORTAL)) {
                Run r = find(report, system, drivers);
                double perLifecycle = r.lifecycles();
                out.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.1f | %.1f | %s | %.1f | %.1f | %.1f |%n",
                        drivers, system, r.driverWallMillisPerLifecycle(),
                        r.driverCpuMillisPerLifecycle(), r.waitMillisPerLifecycle(),
                        r.serverCpu("%.1f"),
                        r.processCpuMillisPerLifecycle() - r.driverCpuMillisPerLifecycle(),
                        r.costs().gcMillis() / perLifecycle, r.costs().jitMillis() / perLifecycle));
            }
        }
        out.append("\nAgreement PDFs (inside the portal's calls; the ratios without them):\n\n")
                .append("| drivers | PDF | renders | total s | mean ms | portal lifecycles/s without PDF time |"
                        + " ÷ same shape | ÷ tasks only |\n|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (int drivers : s.drivers()) {
            Run portal = find(report, PORTAL, drivers);
            portal.pdfRenders().forEach((method, r) -> out.append(String.format(Locale.ROOT, "| %d | %s | %d | %.1f |"
                    + " %.1f | | | |%n", drivers, method, r.count(), r.nanos() / 1e9, r.nanos() / 1e6
                    / Math.max(1, r.count()))));
            long renders = portal.pdfRenders().values().stream().mapToLong(TimedApart.Renders::count).sum();
            out.append(String.format(Locale.ROOT, "| %d | all | %d | %.1f | %.1f | %.2f | %.3f | %.3f |%n", drivers,
                    renders, portal.pdfNanos() / 1e9, portal.pdfNanos() / 1e6 / Math.max(1, renders),
                    portal.lifecyclesPerSecondWithoutPdf(),
                    portal.lifecyclesPerSecondWithoutPdf() / find(report, SAME_SHAPE, drivers).lifecyclesPerSecond(),
                    portal.lifecyclesPerSecondWithoutPdf() / find(report, TASKS_ONLY, drivers).lifecyclesPerSecond()));
        }
        out.append("\nPassword checks (the bcrypt hash of the password each signer enters again, a domain"
                        + " requirement; reported apart as the UI benchmark reports sign-in):\n\n")
                .append("| drivers | checks | total s | mean ms | portal lifecycles/s without PDF and password-check"
                        + " time | ÷ same shape | ÷ tasks only |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int drivers : s.drivers()) {
            Run portal = find(report, PORTAL, drivers);
            TimedApart.Renders checks = portal.passwordChecks();
            double without = portal.lifecyclesPerSecondWithoutPdfAndPasswordChecks();
            out.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.2f | %.3f | %.3f |%n", drivers,
                    checks.count(), checks.nanos() / 1e9, checks.nanos() / 1e6 / Math.max(1, checks.count()), without,
                    without / find(report, SAME_SHAPE, drivers).lifecyclesPerSecond(),
                    without / find(report, TASKS_ONLY, drivers).lifecyclesPerSecond()));
        }
        for (String system : List.of(PORTAL, SAME_SHAPE, TASKS_ONLY)) {
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
        List<Class<?>> sources = new ArrayList<>(List.of(ConsiliumApplication.class, TimedApart.class,
                SameShapeProcess.class));
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
