package org.consilium.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.jsoup.nodes.Element;

/**
 * A short list shown whole and read only (a proposal's team, versions, timeline, open tasks, votes): an HTML table
 * with column headers, sent as one block of markup ({@link StaticMarkup}). A {@code Grid} with all rows visible looks
 * the same but costs far more: every column registers its listeners and renderers in the browser, about 1.5 KB of the
 * reply each (docs/performance.md, UI, "Seventh session"); a table of components costs a handful of changes per cell.
 * Cells are escaped text, so whatever a person typed is shown as typed, never as markup.
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
            return nothing(id, whenEmpty);
        }
        return StaticMarkup.of("table", table -> {
            table.addClass("read-only-table");
            if (id != null) {
                table.id(id);
            }
            Element head = table.appendElement("thead").appendElement("tr");
            for (Column<T> column : columns) {
                withClass(head.appendElement("th").attr("scope", "col").text(column.header()), column);
            }
            Element body = table.appendElement("tbody");
            for (T row : rows) {
                Element tr = body.appendElement("tr");
                for (Column<T> column : columns) {
                    String value = column.value().apply(row);
                    withClass(tr.appendElement("td").text(value == null ? "" : value), column);
                }
            }
        });
    }

    /** What stands in place of an empty list: a sentence, with the list's id. */
    public static Component nothing(String id, String text) {
        Paragraph empty = new Paragraph(text);
        empty.addClassName("read-only-table-empty");
        if (id != null) {
            empty.setId(id);
        }
        return empty;
    }

    private static void withClass(Element cell, Column<?> column) {
        if (column.className() != null) {
            cell.addClass(column.className());
        }
    }
}
