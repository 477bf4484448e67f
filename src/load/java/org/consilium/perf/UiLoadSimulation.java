package org.consilium.perf;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyLength;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Simulated users of the portal, speaking Vaadin's own protocol (docs/performance.md, "UI latency under simulated
 * users"). Each user signs in through the login form, opens a UI ({@code v-r=init}), then loops with 1–3 s of think
 * time: patient representatives open the inbox, open a vote task of their organisation, declare no conflict, cast
 * the vote and confirm it, and open the proposal; staff open the inbox, a proposal and the cockpit. Every loop
 * also sends an empty UIDL round trip, the control. Each request checks that the reply is what the action should
 * produce (the panel, the grid's rows, the confirmation), never an error page.
 *
 * <p>System properties: {@code users} (total; a fifth are staff), {@code duration} (seconds of looping after
 * the ramp), {@code ramp} (seconds over which users arrive), {@code baseUrl}, {@code loadDir} (holding
 * {@code users.csv} from {@link UiLoadData} and {@code tasks.csv}, the open vote tasks, from bench/ui-load.sh).
 */
public class UiLoadSimulation extends Simulation {

    static final String PASSWORD = "perf-Password-2026";

    private final int users = Integer.getInteger("users", 25);
    private final int duration = Integer.getInteger("duration", 120);
    private final int ramp = Integer.getInteger("ramp", 20);
    private final String baseUrl = System.getProperty("baseUrl", "http://localhost:8081");
    private final Path loadDir = Path.of(System.getProperty("loadDir", "target/load"));

    /** The bytes of each action's replies: what the portal sends, on any machine (written by {@link #after}). */
    private final Map<String, LongSummaryStatistics> replyBytes = new ConcurrentHashMap<>();

    /** Open vote tasks of each simulated representative, never shared with another. */
    private final Map<String, Deque<String[]>> tasksOf = new ConcurrentHashMap<>();

    private final HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
            .acceptLanguageHeader("en-GB,en")
            .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) Consilium load test")
            .disableCaching();

    {
        List<String[]> all = csv("users.csv");
        int staffCount = Math.max(1, users / 5);
        List<Map<String, Object>> reps = all.stream().filter(u -> u[1].equals("rep")).limit(users - staffCount)
                .map(u -> Map.<String, Object>of("username", u[0], "organisationId", u[2])).toList();
        List<Map<String, Object>> staff = all.stream().filter(u -> u[1].equals("staff")).limit(staffCount)
                .map(u -> Map.<String, Object>of("username", u[0])).toList();
        if (reps.size() + staff.size() < users) {
            throw new IllegalStateException("users.csv holds too few users for " + users);
        }
        shareTasks(reps, csv("tasks.csv"));
        List<String> proposals = csv("tasks.csv").stream().map(t -> t[2]).distinct().toList();

        ScenarioBuilder representatives = scenario("representative").feed(reps.iterator())
                .exec(signIn())
                .during(Duration.ofSeconds(duration)).on(
                        exec(this::nextTask)
                                .exitHereIfFailed().pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                                .exec(uidl("control: empty round trip", "[]"))
                                .exitHereIfFailed()
                                .doIf(s -> s.contains("taskId")).then(vote()));

        Iterator<String> proposalIds = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public synchronized String next() {
                return proposals.get(next++ % proposals.size());
            }
        };
        ScenarioBuilder staffMembers = scenario("staff").feed(staff.iterator())
                .exec(signIn())
                .during(Duration.ofSeconds(duration)).on(
                        exec(s -> s.set("proposalId", proposalIds.next()))
                                .exitHereIfFailed().pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                                .exec(uidl("control: empty round trip", "[]"))
                                .exitHereIfFailed().pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                                .exec(navigate("open proposal", "proposals/#{proposalId}")
                                        .check(substring("\"proposal-header\""), substring("load study")))
                                .exitHereIfFailed().pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                                .exec(navigate("open cockpit", "cockpit").check(substring("\"cockpit-content\"")))
                                .exitHereIfFailed().pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                                // the staff inbox may be empty (the CI smoke run): its grid and title, rows or not
                                .exec(navigate("open inbox", "inbox").check(substring("\"task-inbox\""),
                                        substring("Task inbox")))
                                .exitHereIfFailed());

        List<PopulationBuilder> populations = new ArrayList<>();
        populations.add(representatives.injectOpen(rampUsers(reps.size()).during(Duration.ofSeconds(ramp))));
        populations.add(staffMembers.injectOpen(rampUsers(staff.size()).during(Duration.ofSeconds(ramp))));
        setUp(populations).protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    // ---- the actions ------------------------------------------------------------------------------------

    /**
     * The login form (its CSRF token), the form post (the password hash), then a UI as the browser opens it
     * after the redirect: {@code v-r=init} and the navigation to the landing route.
     */
    private ChainBuilder signIn() {
        return group("sign in").on(
                exec(http("sign in: login page").get("/login")
                        .check(regex("name=\"_csrf\" content=\"([^\"]+)\"").saveAs("csrf")))
                        .exec(http("sign in: post form").post("/login")
                                .formParam("username", "#{username}").formParam("password", PASSWORD)
                                .formParam("_csrf", "#{csrf}")
                                .disableFollowRedirect()
                                .check(status().is(302), header("Location").not(baseUrl + "/login?error")))
                        .exec(http("sign in: init").get("/?v-r=init&location=&query=")
                                .check(jsonPath("$.appConfig['v-uiId']").saveAs("uiId"),
                                        jsonPath("$.appConfig.uidl['Vaadin-Security-Key']").saveAs("csrfToken"),
                                        jsonPath("$.appConfig.uidl.syncId").saveAs("syncId"),
                                        jsonPath("$.appConfig.uidl.clientId").saveAs("clientId")))
                        .exec(s -> s.set("confirms", List.of()))
                        .exec(navigate("sign in: landing", "").check(substring("\"task-inbox\""))))
                .exitHereIfFailed();
    }

    /**
     * From the inbox: open the task, declare no conflict, cast the vote, confirm it (back to the inbox), read the
     * proposal, then open the inbox again (a navigation to the route already shown would rebuild nothing).
     */
    private ChainBuilder vote() {
        return exec(s -> s)
                .exitHereIfFailed().pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                .exec(navigate("open vote task", "tasks/#{taskId}/vote")
                        .check(substring("\"conflict-declaration\""), node("conflict-choice").saveAs("conflictNode"),
                                node("declare-conflicts").saveAs("declareNode")))
                .exitHereIfFailed().pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                // the first item of the radio group ("1") is "no conflict"
                .exec(uidl("declare no conflict", "[" + value("#{conflictNode}", "\"1\"") + ","
                        + click("#{declareNode}") + "]")
                        .check(substring("\"vote-choice\""), node("vote-choice").saveAs("choiceNode"),
                                node("vote-comment").saveAs("commentNode"), node("cast-vote").saveAs("castNode")))
                .exitHereIfFailed().pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                // "1" is approve; the comment is typed, then the button opens the confirmation dialog
                .exec(uidl("vote: cast", "[" + value("#{choiceNode}", "\"1\"") + ","
                        + "{\"type\":\"mSync\",\"node\":#{commentNode},\"feature\":1,\"property\":\"value\","
                        + "\"value\":\"Please explain the results to patients in plain words.\"},"
                        + "{\"type\":\"event\",\"node\":#{commentNode},\"event\":\"change\",\"data\":{}},"
                        + click("#{castNode}") + "]")
                        .check(regex("\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"tag\",\"feat\":0,"
                                + "\"value\":\"vaadin-confirm-dialog\"\\}").saveAs("dialogNode")))
                .exitHereIfFailed().pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                .exec(uidl("vote: confirm", "[{\"type\":\"event\",\"node\":#{dialogNode},\"event\":\"confirm\"},"
                        + "{\"type\":\"event\",\"node\":#{dialogNode},\"event\":\"opened-changed\","
                        + "\"data\":{\"event.detail.value === false\":true}}]")
                        .check(substring("The vote is cast."), substring("\"task-inbox\"")))
                .exitHereIfFailed().pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                .exec(navigate("open proposal", "proposals/#{proposalId}")
                        .check(substring("\"proposal-header\""), substring("load study")))
                .exitHereIfFailed().pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                .exec(navigate("open inbox", "inbox").check(substring("\"task-inbox\""),
                        substring("Declare conflicts and vote")))
                .exitHereIfFailed();
    }

    private HttpRequestActionBuilder navigate(String name, String route) {
        return uidl(name, "[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route
                + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}]");
    }

    /**
     * One UIDL round trip: the rpc (Gatling EL allowed), preceded by the grid updates the previous reply asked
     * to confirm, as the client does; the reply's sync and client ids go into the next request.
     */
    private HttpRequestActionBuilder uidl(String name, String rpc) {
        return http(name).post("/?v-r=uidl&v-uiId=#{uiId}")
                .header("Content-Type", "application/json; charset=UTF-8")
                .body(StringBody(session -> {
                    String calls = resolve(session, rpc);
                    List<String> confirms = session.getList("confirms");
                    if (!confirms.isEmpty()) {
                        calls = "[" + String.join(",", confirms) + (calls.equals("[]") ? "]" : "," + calls.substring(1));
                    }
                    return "{\"csrfToken\":\"" + session.getString("csrfToken") + "\",\"rpc\":" + calls
                            + ",\"syncId\":" + session.getString("syncId") + ",\"clientId\":"
                            + session.getString("clientId") + "}";
                }))
                .check(status().is(200),
                        bodyLength().transform(bytes -> replied(name, bytes)),
                        substring("for(;;);"),
                        substring("appError").notExists(),
                        substring("sessionExpired").notExists(),
                        regex("\"syncId\":(\\d+)").saveAs("syncId"),
                        regex("\"clientId\":(\\d+)").saveAs("clientId"),
                        regex("\\[\\[0,(\\d+)\\],([0-9.]+),\"return \\$0\\.\\$connector\\.confirm\\(\\$1\\)\"\\]")
                                .captureGroups(2).findAll()
                                .transform(found -> found == null ? List.<String>of() : found.stream().map(g -> "{\"type\":\"publishedEventHandler\","
                                        + "\"node\":" + g.get(0) + ",\"templateEventMethodName\":\"confirmUpdate\","
                                        + "\"templateEventMethodArgs\":[" + (int) Double.parseDouble(g.get(1))
                                        + "],\"promise\":0}").collect(Collectors.toList()))
                                .saveAs("confirms"));
    }

    private int replied(String action, int bytes) {
        LongSummaryStatistics stats = replyBytes.computeIfAbsent(action, a -> new LongSummaryStatistics());
        synchronized (stats) {
            stats.accept(bytes);
        }
        return bytes;
    }

    /** The reply sizes per action, as a Markdown table in {@code reply-bytes-<users>.md} of the load directory. */
    @Override
    public void after() {
        StringBuilder table = new StringBuilder("\nReply sizes (UIDL JSON, uncompressed):\n\n"
                + "| action | replies | mean bytes | max bytes |\n|---|---:|---:|---:|\n");
        new TreeMap<>(replyBytes).forEach((action, stats) -> table.append(String.format("| %s | %d | %.0f | %d |%n",
                action, stats.getCount(), stats.getAverage(), stats.getMax())));
        try {
            Files.writeString(loadDir.resolve("reply-bytes-" + users + ".md"), table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces each {@code #{name}} with the session attribute. */
    private static String resolve(Session session, String template) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int open = template.indexOf("#{", at);
            if (open < 0) {
                return out.append(template, at, template.length()).toString();
            }
            int close = template.indexOf('}', open);
            out.append(template, at, open).append(session.getString(template.substring(open + 2, close)));
            at = close + 1;
        }
    }

    /** The node id of the element whose id attribute is {@code id}, from the reply's changes. */
    private static CheckBuilder.CaptureGroupCheckBuilder node(String id) {
        return regex("\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"id\",\"feat\":3,\"value\":\"" + id + "\"\\}");
    }

    private static String value(String node, String value) {
        return "{\"type\":\"mSync\",\"node\":" + node + ",\"feature\":1,\"property\":\"value\",\"value\":" + value
                + "},{\"type\":\"event\",\"node\":" + node + ",\"event\":\"value-changed\",\"data\":{}}";
    }

    private static String click(String node) {
        return "{\"type\":\"event\",\"node\":" + node + ",\"event\":\"click\",\"data\":{\"event.shiftKey\":false,"
                + "\"event.metaKey\":false,\"event.detail\":1,\"event.ctrlKey\":false,\"event.clientX\":350,"
                + "\"event.clientY\":411,\"event.altKey\":false,\"event.button\":0,\"event.screenY\":564,"
                + "\"event.screenX\":360}}";
    }

    // ---- the data ---------------------------------------------------------------------------------------

    private Session nextTask(Session session) {
        String[] task = tasksOf.getOrDefault(session.getString("username"), new ArrayDeque<>()).poll();
        return task == null ? session.remove("taskId")
                : session.set("taskId", task[0]).set("proposalId", task[2]);
    }

    /** The representatives of one organisation take its open vote tasks in turn: no task is given twice. */
    private void shareTasks(List<Map<String, Object>> reps, List<String[]> tasks) {
        Map<String, List<String>> repsOf = new LinkedHashMap<>();
        reps.forEach(r -> repsOf.computeIfAbsent((String) r.get("organisationId"), o -> new ArrayList<>())
                .add((String) r.get("username")));
        Map<String, Integer> turn = new LinkedHashMap<>();
        for (String[] task : tasks) {
            List<String> candidates = repsOf.get(task[1]);
            if (candidates == null) {
                continue;
            }
            int n = turn.merge(task[1], 1, Integer::sum) - 1;
            tasksOf.computeIfAbsent(candidates.get(n % candidates.size()), u -> new ArrayDeque<>()).add(task);
        }
        // The tasks come ordered by proposal: rotate each queue by its own offset, so that the organisations do
        // not all vote on the same proposal in the same second (the engine would then refuse all but one
        // completion of the round's tasks, and the portal would ask the others to try again).
        int i = 0;
        for (Map<String, Object> rep : reps) {
            Deque<String[]> queue = tasksOf.get((String) rep.get("username"));
            if (queue != null && !queue.isEmpty()) {
                int offset = (int) ((long) i * queue.size() / reps.size());
                for (int k = 0; k < offset; k++) {
                    queue.addLast(queue.pollFirst());
                }
            }
            i++;
        }
    }

    /** A CSV file of the load directory without its header line. */
    private List<String[]> csv(String name) {
        try {
            return Files.readAllLines(loadDir.resolve(name), StandardCharsets.UTF_8).stream().skip(1)
                    .filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
