package org.consilium.cockpit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;
import java.util.LinkedHashMap;
import java.util.Map;
import org.consilium.proposal.ProposalStatus;
import org.jsoup.nodes.Element;

/**
 * Links from a figure to the list behind it. Filters travel in the query string, so that the list can be
 * bookmarked, reloaded, and left with the browser's back button.
 */
final class CockpitLinks {

    static final String STATUS = "status";
    static final String TEXT = "q";
    static final String DUE = "due";
    static final String STEP = "step";
    static final String SHOW = "show";
    static final String STAGE = "stage";
    static final String FROM = "from";
    static final String TO = "to";

    private CockpitLinks() {
    }

    /** A list behind a figure: its view and its filters. */
    record Target(Class<? extends Component> view, QueryParameters parameters) {

        /** The address relative to the page's base, as a {@link RouterLink} writes it. */
        String href() {
            String path = RouteConfiguration.forSessionScope().getUrl(view);
            String query = parameters.getQueryString();
            return query.isEmpty() ? path : path + "?" + query;
        }
    }

    static Target proposals(ProposalStatus status) {
        return new Target(ProposalListView.class, params(STATUS, status == null ? null : status.name()));
    }

    static Target tasks(TaskDue due, String step) {
        return new Target(TaskListView.class, params(DUE, value(due), STEP, step));
    }

    static Target agreements(AgreementShow show) {
        return new Target(AgreementListView.class, params(SHOW, value(show)));
    }

    static Target stays(Stage stage, ReportingPeriod period) {
        return new Target(StageListView.class, params(STAGE, value(stage), FROM, period.first().toString(),
                TO, period.last().toString()));
    }

    /** Enum values as they read in a URL: {@code AWAITING_SIGNATURE} → {@code awaiting-signature}. */
    static String value(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text, E fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    static QueryParameters params(String... namesAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null && !namesAndValues[i + 1].isBlank()) {
                values.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return QueryParameters.simple(values);
    }

    /** A figure as a link of its own (the tiles). */
    static RouterLink link(String text, String label, Target target) {
        RouterLink link = new RouterLink(text, target.view());
        link.setQueryParameters(target.parameters());
        link.getElement().setAttribute("aria-label", label);
        link.getElement().setAttribute("title", label);
        return link;
    }

    /**
     * A figure as a link inside a table sent as markup ({@link org.consilium.ui.StaticMarkup}): the same address
     * and labels as {@link #link}; the portal's client side navigates on a click on any link of its own.
     */
    static void appendLink(Element cell, String text, String label, Target target) {
        cell.appendElement("a").attr("href", target.href()).attr("router-link", "").attr("aria-label", label)
                .attr("title", label).text(text);
    }
}
