package org.consilium.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A short list shown whole and read only (a proposal's team, versions, timeline, open tasks, votes): an HTML table
 * with column headers. A {@code Grid} with all rows visible looks the same but costs far more: every column
 * registers its listeners and renderers in the browser, about 1.5 KB of the reply each (docs/performance.md, UI,
 * "Seventh session"). Cells are set as text, so whatever a person typed is shown as typed, never as markup.
 *
 * @param <T> what a row shows
 */
public final class ReadOnlyTable<T> {

    private record Column<T>(String header, Function<T, String> value, String className) {
    }

    private final List<Column<T>> columns = new ArrayList<>();

    /** A column of text. */
    public ReadOnlyTable<T> column(String header, Function<T, String> value) {
        columns.add(new Column<>(header, value, null));
        return this;
    }

    /** A column kept on one line (dates, numbers), as narrow as its content. */
    public ReadOnlyTable<T> narrowColumn(String header, Function<T, String> value) {
        columns.add(new Column<>(header, value, "narrow"));
        return this;
    }

    /** The table of these rows, with this id; without rows, the empty text in its place (with the same id). */
    public Component of(String id, Collection<? extends T> rows, String whenEmpty) {
        if (rows.isEmpty()) {
            Paragraph empty = new Paragraph(whenEmpty);
            empty.addClassName("read-only-table-empty");
            setId(empty, id);
            return empty;
        }
        NativeTable table = new NativeTable();
        table.addClassName("read-only-table");
        setId(table, id);
        NativeTableRow head = table.getHead().addRow();
        for (Column<T> column : columns) {
            NativeTableHeaderCell th = head.addHeaderCell();
            th.setText(column.header());
            th.getElement().setAttribute("scope", "col");
            if (column.className() != null) {
                th.addClassName(column.className());
            }
        }
        for (T row : rows) {
            NativeTableRow tr = table.getBody().addRow();
            for (Column<T> column : columns) {
                NativeTableCell td = tr.addDataCell();
                String value = column.value().apply(row);
                td.setText(value == null ? "" : value);
                if (column.className() != null) {
                    td.addClassName(column.className());
                }
            }
        }
        return table;
    }

    private static void setId(Component component, String id) {
        if (id != null) {
            component.setId(id);
        }
    }
}
