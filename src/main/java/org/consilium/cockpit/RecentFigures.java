package org.consilium.cockpit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The cockpit's figures as the cockpit page shows them: computed once for every staff member and kept for a short
 * time ({@code consilium.cockpit.figures-kept-for}, 15 s unless set), per reporting period. Every opening of the
 * cockpit used to compute them again (a dozen queries, the stage times among them the slowest of the portal:
 * docs/performance.md, "UI latency under simulated users"); they are the same for everyone who may see them.
 *
 * <p>Within the window the same figures are served, and the page says how old they are ({@link CockpitFigures#asOf()});
 * after it the next opening computes them again. Callers arriving while they are being computed wait for that one
 * computation instead of starting their own. A computation that fails is not kept. Only staff and administrators
 * may read them, kept or not (the same rule as {@link CockpitService#figures}). The lists behind the figures are
 * never kept: they are read from the database when opened.
 */
@Component
class RecentFigures {

    /** Periods kept at most; the default period (the last twelve months) is shared by everyone in one time zone. */
    static final int MAX_PERIODS = 32;

    private final CockpitService cockpit;
    private final Clock clock;
    private final Duration keptFor;
    private final Map<ReportingPeriod, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(Instant since, CompletableFuture<CockpitFigures> figures) {
    }

    RecentFigures(CockpitService cockpit, Clock clock, CockpitSettings settings) {
        this.cockpit = cockpit;
        this.clock = clock;
        this.keptFor = settings.figuresKeptFor();
    }

    /** The figures of the period, computed at most {@link #keptFor()} ago. */
    @PreAuthorize("hasAnyRole('STAFF', 'ADMINISTRATOR')")
    public CockpitFigures figures(ReportingPeriod period) {
        return figures(period, () -> cockpit.figures(period));
    }

    /** How long figures are kept. */
    Duration keptFor() {
        return keptFor;
    }

    CockpitFigures figures(ReportingPeriod period, Supplier<CockpitFigures> compute) {
        Instant now = clock.instant();
        CompletableFuture<CockpitFigures> mine = new CompletableFuture<>();
        Kept entry = kept.compute(period, (p, old) -> old != null && (!old.figures().isDone()
                || now.isBefore(old.since().plus(keptFor))) ? old : new Kept(now, mine));
        if (entry.figures() == mine) {
            try {
                mine.complete(compute.get());
            } catch (RuntimeException | Error e) {
                kept.remove(period, entry);
                mine.completeExceptionally(e);
                throw e;
            }
            forgetOld(now);
        }
        try {
            return entry.figures().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Drops what has expired, and the oldest periods beyond {@link #MAX_PERIODS}. */
    private void forgetOld(Instant now) {
        kept.entrySet().removeIf(e -> e.getValue().figures().isDone() && !now.isBefore(e.getValue().since().plus(keptFor)));
        while (kept.size() > MAX_PERIODS) {
            kept.entrySet().stream().filter(e -> e.getValue().figures().isDone())
                    .min(Comparator.comparing(e -> e.getValue().since()))
                    .ifPresentOrElse(e -> kept.remove(e.getKey(), e.getValue()), kept::clear);
        }
    }

    /** Forgets every kept figure (tests). */
    void clear() {
        kept.clear();
    }
}
