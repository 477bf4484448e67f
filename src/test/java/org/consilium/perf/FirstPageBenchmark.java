package org.consilium.perf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.consilium.SignIn;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Times what each screen asks of the services to show its first page (the page and the count a lazy
 * grid asks for, and whatever else the view loads when it opens), as the signed-in user the screen is
 * for. Warm-up rounds first, then measured rounds; each round runs every screen once, in turn, so that
 * drift (JIT, GC, the database's caches) touches all screens alike. Reports mean, p50, p95 and max, and
 * how many SQL statements one opening sends. Describes, never asserts a time.
 */
public final class FirstPageBenchmark {

    /**
     * One screen: a name, who looks at it (null: an anonymous visitor), and the work of opening it. {@code firstPage} returns how many
     * rows (or items) the first page shows, so that a caller can check the screen showed something.
     */
    public record Screen(String name, String username, Callable<Integer> firstPage) {
    }

    /** The figures of one screen. */
    public record Measurement(String screen, String username, int rows, int statements, double meanMs, double p50Ms,
                              double p95Ms, double maxMs) {
    }

    private final SignIn signIn;

    public FirstPageBenchmark(SignIn signIn) {
        this.signIn = signIn;
    }

    public List<Measurement> run(List<Screen> screens, int warmup, int rounds) {
        Map<Screen, double[]> times = new LinkedHashMap<>();
        Map<Screen, int[]> last = new LinkedHashMap<>();
        screens.forEach(s -> {
            times.put(s, new double[rounds]);
            last.put(s, new int[2]);
        });
        for (int round = -warmup; round < rounds; round++) {
            for (Screen screen : screens) {
                signIn(screen);
                SqlCounter.Recording recording = SqlCounter.start();
                long start = System.nanoTime();
                int rows;
                try {
                    rows = screen.firstPage().call();
                } catch (Exception e) {
                    throw new IllegalStateException(screen.name() + " failed", e);
                } finally {
                    SqlCounter.stop();
                    SignIn.out();
                }
                double ms = (System.nanoTime() - start) / 1e6;
                if (round >= 0) {
                    times.get(screen)[round] = ms;
                }
                last.put(screen, new int[] {rows, recording.count()});
            }
        }
        List<Measurement> result = new ArrayList<>();
        times.forEach((screen, ms) -> {
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            result.add(new Measurement(screen.name(), screen.username(), last.get(screen)[0], last.get(screen)[1],
                    Arrays.stream(ms).average().orElse(0), percentile(sorted, 50), percentile(sorted, 95),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        });
        return result;
    }

    /** One opening of a screen with its statements recorded (for EXPLAIN and for counting N+1). */
    public SqlCounter.Recording record(Screen screen) throws Exception {
        signIn(screen);
        SqlCounter.Recording recording = SqlCounter.start();
        try {
            screen.firstPage().call();
            return recording;
        } finally {
            SqlCounter.stop();
            SignIn.out();
        }
    }

    /** As the screen's user, or as the anonymous visitor Spring Security's filter makes of anyone signed out. */
    private void signIn(Screen screen) {
        if (screen.username() != null) {
            signIn.as(screen.username());
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new AnonymousAuthenticationToken("perf", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        SecurityContextHolder.setContext(context);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static String table(List<Measurement> measurements) {
        StringBuilder out = new StringBuilder(
                "| screen | as | rows | SQL statements | mean ms | p50 ms | p95 ms | max ms |\n"
                        + "|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Measurement m : measurements) {
            String who = m.username() == null ? "anonymous" : m.username();
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.1f | %.1f | %.1f | %.1f |%n", m.screen(),
                    who, m.rows(), m.statements(), m.meanMs(), m.p50Ms(), m.p95Ms(), m.maxMs()));
        }
        return out.toString();
    }
}
