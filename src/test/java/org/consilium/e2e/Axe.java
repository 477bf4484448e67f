package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * axe-core, run in the page under test: its script comes from the test class path (the {@code axe.min.js}
 * that Deque's {@code com.deque.html.axe-core:selenium} jar ships), so nothing is fetched at test time.
 * Checks the WCAG 2.0 and 2.1 rules of levels A and AA, open shadow roots included.
 */
final class Axe {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final String SOURCE = load();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One rule broken on a page: how bad, how many elements, and the first few of them. */
    record Finding(String rule, String impact, String help, List<String> targets, List<String> html) {

        boolean blocking() {
            return "serious".equals(impact) || "critical".equals(impact);
        }
    }

    private Axe() {
    }

    /** What axe found broken, and what it could not decide (for a person to look at: never failed on). */
    record Result(List<Finding> violations, List<Finding> incomplete) {
    }

    static Result check(Browser browser) {
        if (!Boolean.TRUE.equals(browser.js("return typeof window.axe !== 'undefined';"))) {
            browser.js(SOURCE);
        }
        Object result = browser.jsAsync("""
                const done = arguments[arguments.length - 1];
                const list = vs => vs.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    targets: v.nodes.map(n => JSON.stringify(n.target)), html: v.nodes.map(n => n.html.substring(0, 200))}));
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations', 'incomplete']})
                   .then(r => done(JSON.stringify({violations: list(r.violations), incomplete: list(r.incomplete)})))
                   .catch(e => done('ERROR ' + e));""", TAGS);
        String json = String.valueOf(result);
        if (json.startsWith("ERROR")) {
            throw new IllegalStateException("axe failed: " + json);
        }
        try {
            JsonNode tree = JSON.readTree(json);
            return new Result(findings(tree.get("violations")), findings(tree.get("incomplete")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Finding> findings(JsonNode list) {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode v : list) {
            List<String> targets = new ArrayList<>();
            v.get("targets").forEach(t -> targets.add(t.asText()));
            List<String> html = new ArrayList<>();
            v.get("html").forEach(t -> html.add(t.asText()));
            findings.add(new Finding(v.get("id").asText(), v.path("impact").asText("unknown"), v.get("help").asText(),
                    targets, html));
        }
        return findings;
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
