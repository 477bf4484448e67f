package org.consilium.perf;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consilium.ConsiliumApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Heap per signed-in idle session (docs/performance.md, "Memory per session"): used heap after a full GC with
 * N signed-in idle sessions, minus the same with none, divided by N. Each session is opened as a browser opens
 * it: the login page and its UI, the form post (a new session id), then the landing view's UI, whose grid
 * updates are confirmed as the client confirms them. The sessions then stay idle.
 *
 * <pre>
 * SessionMemory [--sessions=100,500] [--warmup=5] [--require-signed-in] [--histogram] [--dump=file.hprof]
 *     the portal in this JVM (development mode, component tracker off), H2 with the demo users
 * SessionMemory --url=http://localhost:8081 --pid=PID --users=load.staff1,load.rep1-1 --password=...
 *     a portal already running (e.g. the production jar of bench/ui-load.sh), heap read with jcmd
 * </pre>
 */
public final class SessionMemory {

    static final List<String> DEMO_USERS = List.of("patient", "patient2", "patient3", "patient4", "patient5",
            "patient6", "patient7", "patient8", "patient9", "staff", "director", "researcher", "researcher2", "ethics");

    /** What one step measured: heap after full GCs with {@code sessions} more sessions than at {@code before}. */
    public record Step(int sessions, long before, long after, int signedIn) {

        public double kilobytesPerSession() {
            return (after - before) / 1024.0 / sessions;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%5d sessions: heap %,.1f MB -> %,.1f MB: %,.1f KB per session"
                    + " (%d signed in)", sessions, before / 1048576.0, after / 1048576.0, kilobytesPerSession(), signedIn);
        }
    }

    private final String baseUrl;
    private final List<String> users;
    private final String password;
    private final LongSupplier usedHeapAfterFullGc;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger next = new AtomicInteger();
    /** The session ids, so that the sessions are not collected for want of a client (they are not: the server keeps them). */
    private final List<String> sessionIds = java.util.Collections.synchronizedList(new ArrayList<>());

    public SessionMemory(String baseUrl, List<String> users, String password, LongSupplier usedHeapAfterFullGc) {
        this.baseUrl = baseUrl;
        this.users = users;
        this.password = password;
        this.usedHeapAfterFullGc = usedHeapAfterFullGc;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int[] counts = Arrays.stream(options.getOrDefault("sessions", "100,500").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        if (options.containsKey("url")) {
            long pid = Long.parseLong(options.get("pid"));
            SessionMemory memory = new SessionMemory(options.get("url"), List.of(options.get("users").split(",")),
                    options.get("password"), () -> jcmdUsedHeap(pid));
            if (options.containsKey("histogram")) {
                memory.histogramPid = pid;
            }
            report(memory.run(warmup, counts), options.containsKey("require-signed-in"));
            return;
        }
        List<Step> steps;
        try (ConfigurableApplicationContext context = startPortal()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            SessionMemory memory = new SessionMemory("http://localhost:" + port, DEMO_USERS, "demo",
                    SessionMemory::usedHeapAfterFullGc);
            if (options.containsKey("histogram")) {
                memory.histogramPid = ProcessHandle.current().pid();
            }
            System.out.printf("Portal in this JVM, max heap %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
            steps = memory.run(warmup, counts);
            if (options.containsKey("dump")) {
                // live objects only: a heap dump to look into what the sessions hold (e.g. with bench/hprof-strings.py)
                ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                        .dumpHeap(options.get("dump"), true);
            }
        }
        report(steps, options.containsKey("require-signed-in"));
    }

    /** Prints the steps; with {@code strict} (the CI smoke run), exits with 1 unless every session signed in. */
    private static void report(List<Step> steps, boolean strict) {
        steps.forEach(System.out::println);
        boolean all = steps.stream().allMatch(s -> s.signedIn() == s.sessions() - previous(steps, s));
        if (strict && !all) {
            System.out.println("FAILED: not every session reached its landing view signed in");
            System.exit(1);
        }
        System.exit(0);
    }

    private static int previous(List<Step> steps, Step step) {
        int i = steps.indexOf(step);
        return i == 0 ? 0 : steps.get(i - 1).sessions();
    }

    /** The portal on a fresh H2 file database with the demo users, on a free port. */
    public static ConfigurableApplicationContext startPortal() {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "session-memory");
        FileSystemUtils.deleteRecursively(dir.toFile());
        return new SpringApplicationBuilder(ConsiliumApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:./" + dir + "/consilium;MODE=MySQL;NON_KEYWORDS=VALUE",
                "--consilium.attachments.directory=" + dir.resolve("attachments"),
                "--vaadin.devmode.devTools.enabled=false",
                // development mode remembers where each component was created (for the dev tools); production does not
                "--vaadin.devmode.componentTracker.enabled=false",
                "--vaadin.launch-browser=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN");
    }

    /**
     * Opens {@code warmup} sessions (classes loaded, caches filled), measures, then opens sessions up to each count
     * in turn and measures again; each step is compared with the measurement after the warm-up.
     */
    public List<Step> run(int warmup, int... counts) throws Exception {
        open(warmup);
        long base = usedHeapAfterFullGc.getAsLong();
        Map<String, long[]> before = histogramPid == 0 ? null : histogram(histogramPid);
        int open = 0;
        List<Step> steps = new ArrayList<>();
        for (int count : counts) {
            int signedIn = open(count - open);
            open = count;
            steps.add(new Step(count, base, usedHeapAfterFullGc.getAsLong(), signedIn));
        }
        if (before != null) {
            printGrowth(before, histogram(histogramPid), open);
        }
        return steps;
    }

    /** With a pid, {@link #run} prints which classes grew, per session (jcmd GC.class_histogram before and after). */
    long histogramPid;

    /** Instances and bytes per class, after a full GC. */
    static Map<String, long[]> histogram(long pid) throws IOException, InterruptedException {
        Map<String, long[]> classes = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)").matcher(jcmd(pid, "GC.class_histogram"));
        while (m.find()) {
            classes.put(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        }
        return classes;
    }

    private static void printGrowth(Map<String, long[]> before, Map<String, long[]> after, int sessions) {
        System.out.printf("Growth per session (%d sessions), by class:%n", sessions);
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), new long[] {
                        e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0],
                        e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1]}))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(40)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %10.1f objects %10.1f bytes  %s%n",
                        (double) e.getValue()[0] / sessions, (double) e.getValue()[1] / sessions, e.getKey()));
    }

    /** Opens {@code n} signed-in sessions, four at a time; returns how many reached the landing view signed in. */
    public int open(int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                done.add(pool.submit(() -> signIn(users.get(next.getAndIncrement() % users.size()))));
            }
            int signedIn = 0;
            for (Future<Boolean> f : done) {
                signedIn += f.get() ? 1 : 0;
            }
            return signedIn;
        } finally {
            pool.shutdown();
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern SYNC = Pattern.compile("\"syncId\":(\\d+)");
    private static final Pattern CLIENT = Pattern.compile("\"clientId\":(\\d+)");
    private static final Pattern CONFIRM = Pattern.compile(
            "\\[\\[0,(\\d+)\\],([0-9.]+),\"return \\$0\\.\\$connector\\.confirm\\(\\$1\\)\"\\]");

    /** One browser's sign-in; true if the landing view came back signed in (its sign-out button). */
    boolean signIn(String username) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/login", null);
        String session = cookie(page, null);
        String csrf = find(CSRF, page.body());
        // the login view's UI, as the browser opens it before the user types
        Ui login = Ui.open(this, session, "login");
        login.navigate("login");
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)
                        + "&_csrf=" + enc(csrf))).build(), HttpResponse.BodyHandlers.ofString());
        String location = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 302 || location.contains("error")) {
            return false;
        }
        session = cookie(posted, session);
        Ui main = Ui.open(this, session, "");
        String landing = main.navigate("");
        main.confirmGridUpdates(landing);
        sessionIds.add(session);
        return landing.contains("Sign out") && !landing.contains("appError");
    }

    /** One UI of a session, driven as the Vaadin client drives it. */
    private static final class Ui {
        final SessionMemory driver;
        final String session;
        final String id;
        final String csrf;
        String sync;
        String client;

        private Ui(SessionMemory driver, String session, String id, String csrf, String sync, String client) {
            this.driver = driver;
            this.session = session;
            this.id = id;
            this.csrf = csrf;
            this.sync = sync;
            this.client = client;
        }

        static Ui open(SessionMemory driver, String session, String location) throws IOException, InterruptedException {
            String init = driver.get("/?v-r=init&location=" + location + "&query=", session).body();
            return new Ui(driver, session, find(Pattern.compile("\"v-uiId\":(\\d+)"), init),
                    find(Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\""), init),
                    find(SYNC, init), find(CLIENT, init));
        }

        String navigate(String route) throws IOException, InterruptedException {
            return rpc("[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route
                    + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}]");
        }

        void confirmGridUpdates(String reply) throws IOException, InterruptedException {
            List<String> calls = new ArrayList<>();
            Matcher m = CONFIRM.matcher(reply);
            while (m.find()) {
                calls.add("{\"type\":\"publishedEventHandler\",\"node\":" + m.group(1) + ",\"templateEventMethodName\":"
                        + "\"confirmUpdate\",\"templateEventMethodArgs\":[" + (int) Double.parseDouble(m.group(2))
                        + "],\"promise\":0}");
            }
            if (!calls.isEmpty()) {
                rpc("[" + String.join(",", calls) + "]");
            }
        }

        String rpc(String calls) throws IOException, InterruptedException {
            String body = "{\"csrfToken\":\"" + csrf + "\",\"rpc\":" + calls + ",\"syncId\":" + sync + ",\"clientId\":"
                    + client + "}";
            String reply = driver.http.send(HttpRequest.newBuilder(URI.create(driver.baseUrl + "/?v-r=uidl&v-uiId=" + id))
                    .header("Cookie", "JSESSIONID=" + session).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
            sync = find(SYNC, reply);
            client = find(CLIENT, reply);
            return reply;
        }
    }

    private HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept-Language", "en-GB");
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response, String current) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElse(current);
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text.substring(0, Math.min(300, text.length())));
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Used heap of this JVM after full collections (System.gc() is a full, stop-the-world GC with G1). */
    public static long usedHeapAfterFullGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Used heap of another JVM after {@code jcmd GC.run}, from {@code GC.heap_info} (G1's "used" figure). */
    static long jcmdUsedHeap(long pid) {
        try {
            long used = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                jcmd(pid, "GC.run");
                Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(jcmd(pid, "GC.heap_info"));
                if (!m.find()) {
                    throw new IllegalStateException("no heap figure from jcmd");
                }
                used = Math.min(used, Long.parseLong(m.group(2)) * 1024);
            }
            return used;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
