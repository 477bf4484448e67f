package org.consilium.cockpit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.List;

/**
 * A list behind a cockpit figure: filters read from and written to the query string (so the back button and
 * bookmarks work), a lazy grid paged and sorted by the database, the number of rows, and the CSV of the whole
 * filtered list in the grid's order.
 */
abstract class CockpitListView<T> extends Div implements BeforeEnterObserver, HasDynamicTitle {

    protected final Grid<T> grid = new Grid<>();
    private final Span total = new Span();
    private final String route;
    private String sortKey;
    private boolean ascending = true;
    private boolean reading;

    CockpitListView(String id, String route) {
        this.route = route;
        addClassName("page");
        setId(id);
        grid.setId(id + "-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(50);
        grid.setHeight("36rem");
        grid.setMultiSort(false);
        total.setId(id + "-total");
        total.getElement().setAttribute("aria-live", "polite");
        grid.setDataProvider(new CallbackDataProvider<T, Void>(query -> {
            List<QuerySortOrder> orders = query.getSortOrders();
            sortKey = orders.isEmpty() ? null : orders.get(0).getSorted();
            ascending = orders.isEmpty() || orders.get(0).getDirection() == SortDirection.ASCENDING;
            return fetch(new Paging(query.getOffset(), query.getLimit(), sortKey, ascending)).stream();
        }, query -> {
            long n = count();
            total.setText(getTranslation("cockpit.list.total", NumberFormat.getIntegerInstance(getLocale()).format(n)));
            return (int) Math.min(n, Integer.MAX_VALUE);
        }));
    }

    /** Title, the link back, filters, the count and export, and the grid. */
    protected void layOut(String title, Component... filters) {
        RouterLink back = new RouterLink(getTranslation("cockpit.list.back"), CockpitView.class);
        back.setId(getId().orElse("") + "-back");
        HorizontalLayout filterBar = new HorizontalLayout(filters);
        filterBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        filterBar.setWrap(true);
        DownloadHandler csv = event -> {
            event.setFileName(fileName());
            event.setContentType("text/csv; charset=utf-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                export(sortKey, ascending, out);
            }
        };
        Anchor export = new Anchor(csv, getTranslation("cockpit.list.export"));
        export.setId(getId().orElse("") + "-export");
        export.getElement().setAttribute("download", true);
        HorizontalLayout actions = new HorizontalLayout(total, export);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(back, new H2(title), filterBar, actions, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reading = true;
        try {
            read(event.getLocation().getQueryParameters());
        } finally {
            reading = false;
        }
        grid.getDataProvider().refreshAll();
    }

    /** A filter changed: the address follows (replacing, so that back leaves the list), then the rows. */
    protected void filtersChanged() {
        if (reading) {
            return;
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location(route, parameters())));
        grid.getDataProvider().refreshAll();
    }

    /** Sets the filters from the query string; anything unknown falls back to the list's default. */
    protected abstract void read(QueryParameters parameters);

    /** The query string of the current filters. */
    protected abstract QueryParameters parameters();

    protected abstract List<T> fetch(Paging paging);

    protected abstract long count();

    protected abstract void export(String sortKey, boolean ascending, Writer out);

    protected abstract String fileName();

    /** A link to the proposal's page (the page itself checks who may read it). */
    static Anchor proposalLink(Long id, String reference) {
        Anchor link = new Anchor("proposals/" + id, reference == null ? "#" + id : reference);
        link.getElement().setAttribute("router-link", true);
        return link;
    }
}
