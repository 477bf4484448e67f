package org.consilium.cockpit;

import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.LinkedHashMap;
import java.util.Map;
import org.consilium.proposal.ProposalStatus;

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

    static RouterLink proposals(String text, String label, ProposalStatus status) {
        return link(text, label, ProposalListView.class, params(STATUS, status == null ? null : status.name()));
    }

    static RouterLink tasks(String text, String label, TaskDue due, String step) {
        return link(text, label, TaskListView.class, params(DUE, value(due), STEP, step));
    }

    static RouterLink agreements(String text, String label, AgreementShow show) {
        return link(text, label, AgreementListView.class, params(SHOW, value(show)));
    }

    static RouterLink stays(String text, String label, Stage stage, ReportingPeriod period) {
        return link(text, label, StageListView.class, params(STAGE, value(stage), FROM, period.first().toString(),
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

    private static RouterLink link(String text, String label, Class<? extends com.vaadin.flow.component.Component> view,
                                   QueryParameters parameters) {
        RouterLink link = new RouterLink(text, view);
        link.setQueryParameters(parameters);
        if (label != null) {
            link.getElement().setAttribute("aria-label", label);
            link.getElement().setAttribute("title", label);
        }
        return link;
    }
}
