package org.consilium.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Paragraph;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.consilium.InUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The cockpit says when its figures were computed, and that they are shared and kept 15 s, in both languages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=false",
                "spring.datasource.url=jdbc:h2:mem:cockpit-freshness;MODE=MySQL;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"})
class CockpitViewFreshnessTest {

    @Autowired
    ApplicationContext applicationContext;
    @Autowired
    RecentFigures recent;
    @Autowired
    Clock clock;

    static final CockpitFigures FIGURES = new CockpitFigures(Instant.parse("2026-11-30T10:00:05Z"),
            new ReportingPeriod(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 11, 30), ZoneOffset.UTC), Map.of(), 0, 0,
            List.of(), List.of(), 0, 0, Duration.ofDays(7), Duration.ofDays(60));

    String asOf(Locale language) {
        return InUi.build(applicationContext, language, () -> {
            CockpitView view = new CockpitView(recent, clock);
            view.show(FIGURES);
            return view.getChildren().filter(c -> c.getId().filter("cockpit-as-of"::equals).isPresent())
                    .map(c -> ((Paragraph) c).getText()).findFirst().orElseThrow();
        });
    }

    @Test
    void the_page_says_when_the_figures_were_computed_in_english() {
        assertThat(asOf(Locale.ENGLISH)).isEqualTo("Figures as of 30 Nov 2026, 10:00:05 UTC. They are shared by all staff"
                + " and computed again when older than 15 seconds.");
    }

    @Test
    void and_in_french() {
        assertThat(asOf(Locale.FRENCH)).startsWith("Chiffres arrêtés à 30 nov").contains("2026, 10:00:05 UTC")
                .endsWith("Ils sont communs à tout le personnel et recalculés lorsqu’ils ont plus de 15 secondes.");
    }
}
