package org.consilium.cockpit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bar chart drawn in the browser by Chart.js, loaded at run time from its webjar (the frontend bundle cannot
 * be rebuilt, so no npm package). The canvas is an image with a label that says what it shows; the figures
 * themselves are always in a table next to it, for those who cannot see the chart.
 */
class CockpitChart extends Div {

    /** Must match the version of org.webjars.npm:chart.js in pom.xml (CockpitChartTest checks it is there). */
    static final String CHART_JS_VERSION = "4.5.1";
    static final String SCRIPT = "context://webjars/chart.js/" + CHART_JS_VERSION + "/dist/chart.umd.min.js";

    /** Draws once Chart.js is there (the script loads before this runs; the wait is a safety net), redraws on change. */
    private static final String DRAW = """
            const host = this;
            const config = JSON.parse($0);
            const draw = (attempt) => {
              if (!window.Chart) {
                if (attempt < 100) { setTimeout(() => draw(attempt + 1), 50); }
                return;
              }
              if (host.$chart) { host.$chart.destroy(); }
              host.$chart = new window.Chart(host.querySelector('canvas'), config);
            };
            draw(0);""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String config;

    /** A dataset: its legend, its colour, one value per label. */
    record Series(String label, String colour, List<? extends Number> values) {
    }

    /**
     * @param description what the chart shows, for screen readers (its aria-label)
     * @param horizontal  bars along the x axis, labels down the y axis (long labels read better)
     * @param stacked     the series stacked in one bar per label
     */
    CockpitChart(String id, String description, List<String> labels, List<Series> series, boolean horizontal,
                 boolean stacked, String valueAxisTitle, String height) {
        setId(id);
        addClassName("cockpit-chart");
        getStyle().set("position", "relative").set("height", height).set("width", "100%");
        Element canvas = new Element("canvas");
        canvas.setAttribute("role", "img");
        canvas.setAttribute("aria-label", description);
        canvas.setText(description);
        getElement().appendChild(canvas);
        config = configuration(labels, series, horizontal, stacked, valueAxisTitle);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().getPage().addJavaScript(SCRIPT);
        getElement().executeJs(DRAW, config);
    }

    String configuration() {
        return config;
    }

    private static String configuration(List<String> labels, List<Series> series, boolean horizontal, boolean stacked,
                                        String valueAxisTitle) {
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (Series s : series) {
            Map<String, Object> dataset = new LinkedHashMap<>();
            dataset.put("label", s.label());
            dataset.put("data", s.values());
            dataset.put("backgroundColor", s.colour());
            dataset.put("borderColor", s.colour());
            datasets.add(dataset);
        }
        Map<String, Object> valueAxis = new LinkedHashMap<>();
        valueAxis.put("beginAtZero", true);
        valueAxis.put("stacked", stacked);
        valueAxis.put("title", Map.of("display", valueAxisTitle != null, "text", valueAxisTitle == null ? "" : valueAxisTitle));
        Map<String, Object> categoryAxis = Map.of("stacked", stacked, "ticks", Map.of("autoSkip", false));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("indexAxis", horizontal ? "y" : "x");
        options.put("responsive", true);
        options.put("maintainAspectRatio", false);
        // No animation: figures appear at once, and nothing moves for those who prefer reduced motion.
        options.put("animation", false);
        options.put("scales", horizontal ? Map.of("x", valueAxis, "y", categoryAxis)
                : Map.of("x", categoryAxis, "y", valueAxis));
        options.put("plugins", Map.of("legend", Map.of("display", series.size() > 1, "position", "bottom")));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", "bar");
        chart.put("data", Map.of("labels", labels, "datasets", datasets));
        chart.put("options", options);
        try {
            return JSON.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
