package org.consilium.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.consilium.cockpit.CockpitChart.Series;
import org.junit.jupiter.api.Test;

/** The chart's script is where the page asks for it, and its configuration carries the figures and a description. */
class CockpitChartTest {

    @Test
    void the_chart_js_webjar_of_the_version_the_page_loads_is_on_the_classpath() {
        String path = "/META-INF/resources/webjars/chart.js/" + CockpitChart.CHART_JS_VERSION + "/dist/chart.umd.min.js";
        assertThat(CockpitChart.class.getResource(path)).as(path).isNotNull();
        assertThat(CockpitChart.SCRIPT).isEqualTo("context://webjars/chart.js/" + CockpitChart.CHART_JS_VERSION
                + "/dist/chart.umd.min.js");
    }

    @Test
    void the_canvas_is_an_image_described_in_words_and_the_configuration_holds_every_figure() throws Exception {
        CockpitChart chart = new CockpitChart("tasks-chart", "Overdue: Check 2, Close 1", List.of("Check", "Close"),
                List.of(new Series("Overdue", "#c62828", List.of(2L, 1L)), new Series("Due soon", "#ef8f00", List.of(1L, 0L))),
                true, true, "Open tasks", "12rem");
        var canvas = chart.getElement().getChild(0);
        assertThat(canvas.getTag()).isEqualTo("canvas");
        assertThat(canvas.getAttribute("role")).isEqualTo("img");
        assertThat(canvas.getAttribute("aria-label")).isEqualTo("Overdue: Check 2, Close 1");
        assertThat(canvas.getText()).as("fallback content").isEqualTo("Overdue: Check 2, Close 1");

        JsonNode config = new ObjectMapper().readTree(chart.configuration());
        assertThat(config.at("/type").asText()).isEqualTo("bar");
        assertThat(config.at("/options/indexAxis").asText()).isEqualTo("y");
        assertThat(config.at("/options/animation").asBoolean(true)).isFalse();
        assertThat(config.at("/options/scales/x/stacked").asBoolean()).isTrue();
        assertThat(config.at("/options/scales/x/title/text").asText()).isEqualTo("Open tasks");
        assertThat(config.at("/data/labels").toString()).isEqualTo("[\"Check\",\"Close\"]");
        assertThat(config.at("/data/datasets/0/data").toString()).isEqualTo("[2,1]");
        assertThat(config.at("/data/datasets/1/label").asText()).isEqualTo("Due soon");
        assertThat(config.at("/options/plugins/legend/display").asBoolean()).isTrue();
    }
}
