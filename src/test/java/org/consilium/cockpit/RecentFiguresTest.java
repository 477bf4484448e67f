package org.consilium.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.consilium.MovingClock;
import org.junit.jupiter.api.Test;

/** The cockpit's figures kept for every staff member: served again within the window, computed again after it. */
class RecentFiguresTest {

    static final ReportingPeriod YEAR = new ReportingPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
            ZoneOffset.UTC);
    static final ReportingPeriod JANUARY = new ReportingPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31),
            ZoneOffset.UTC);

    final MovingClock clock = new MovingClock();
    final RecentFigures recent = new RecentFigures(null, clock,
            new CockpitSettings(Duration.ofDays(7), Duration.ofDays(60), Duration.ofSeconds(15)));
    final AtomicInteger computed = new AtomicInteger();

    CockpitFigures compute(ReportingPeriod period) {
        computed.incrementAndGet();
        return new CockpitFigures(clock.instant(), period, Map.of(), computed.get(), 0, List.of(), List.of(), 0, 0,
                Duration.ofDays(7), Duration.ofDays(60));
    }

    CockpitFigures figures(ReportingPeriod period) {
        return recent.figures(period, () -> compute(period));
    }

    @Test
    void the_same_figures_are_served_within_the_window_and_computed_again_after_it() {
        CockpitFigures first = figures(YEAR);
        assertThat(first.asOf()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        clock.advance(Duration.ofSeconds(14));
        assertThat(figures(YEAR)).isSameAs(first);
        clock.advance(Duration.ofMillis(999));
        assertThat(figures(YEAR)).as("14.999 s later").isSameAs(first);
        assertThat(computed).hasValue(1);

        clock.advance(Duration.ofMillis(1));
        CockpitFigures second = figures(YEAR);
        assertThat(second).as("15 s later").isNotSameAs(first);
        assertThat(second.asOf()).isEqualTo(Instant.parse("2026-11-30T10:00:15Z"));
        assertThat(computed).hasValue(2);
        assertThat(figures(YEAR)).isSameAs(second);
        assertThat(computed).hasValue(2);
        assertThat(recent.keptFor()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void each_period_has_its_own_figures() {
        CockpitFigures year = figures(YEAR);
        CockpitFigures january = figures(JANUARY);
        assertThat(january.period()).isEqualTo(JANUARY);
        assertThat(year.period()).isEqualTo(YEAR);
        assertThat(figures(YEAR)).isSameAs(year);
        assertThat(figures(JANUARY)).isSameAs(january);
        assertThat(computed).hasValue(2);
        assertThat(figures(new ReportingPeriod(YEAR.first(), YEAR.last(), ZoneId.of("Europe/Paris"))))
                .as("the same days in another zone are another period").isNotSameAs(year);
    }

    @Test
    void a_failed_computation_is_not_kept() {
        assertThatThrownBy(() -> recent.figures(YEAR, () -> {
            throw new IllegalStateException("database down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("database down");
        CockpitFigures next = figures(YEAR);
        assertThat(computed).hasValue(1);
        assertThat(figures(YEAR)).isSameAs(next);
    }

    @Test
    void people_opening_the_cockpit_together_wait_for_one_computation() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            Future<CockpitFigures> first = threads.submit(() -> recent.figures(YEAR, () -> {
                started.countDown();
                await(release);
                return compute(YEAR);
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<CockpitFigures>> others = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(threads.submit(() -> figures(YEAR)));
            }
            Thread.sleep(100);
            assertThat(others).allSatisfy(f -> assertThat(f).isNotDone());
            release.countDown();
            CockpitFigures figures = first.get(10, TimeUnit.SECONDS);
            for (Future<CockpitFigures> other : others) {
                assertThat(other.get(10, TimeUnit.SECONDS)).isSameAs(figures);
            }
            assertThat(computed).hasValue(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void expired_and_surplus_periods_are_forgotten() {
        for (int day = 1; day <= RecentFigures.MAX_PERIODS + 5; day++) {
            figures(new ReportingPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1).plusDays(day), ZoneOffset.UTC));
            clock.advance(Duration.ofMillis(10));
        }
        assertThat(computed).hasValue(RecentFigures.MAX_PERIODS + 5);
        // the first periods were dropped (the oldest go first): they are computed again
        figures(new ReportingPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2), ZoneOffset.UTC));
        assertThat(computed).hasValue(RecentFigures.MAX_PERIODS + 6);
        // the latest is still kept
        figures(new ReportingPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)
                .plusDays(RecentFigures.MAX_PERIODS + 5), ZoneOffset.UTC));
        assertThat(computed).hasValue(RecentFigures.MAX_PERIODS + 6);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
