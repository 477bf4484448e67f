package org.consilium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class ReadOnlyTableTest {

    private record Entry(String who, String what) {
    }

    private static final ReadOnlyTable<Entry> TABLE = new ReadOnlyTable<Entry>()
            .narrowColumn("Who", Entry::who)
            .column("What", Entry::what);

    @Test
    void rows_become_cells_under_column_headers_and_markup_stays_text() {
        Component shown = TABLE.of("timeline", List.of(new Entry("Ana", "<b>first</b>"),
                new Entry("Ben", null), new Entry("<img src=x onerror=alert(1)>", "\"quoted\" & more")), "Nothing yet");

        assertThat(shown).isInstanceOf(StaticMarkup.class);
        assertThat(shown.getElement().getTag()).isEqualTo("table");
        assertThat(shown.getId()).contains("timeline");
        assertThat(shown.getElement().getClassList()).containsExactly("read-only-table");
        // what the browser receives: the table's inside, as markup
        String html = ((StaticMarkup) shown).innerHtml();
        Element table = Jsoup.parseBodyFragment("<table>" + html + "</table>").selectFirst("table");
        Elements head = table.select("thead > tr > th");
        assertThat(head.eachText()).containsExactly("Who", "What");
        assertThat(head.eachAttr("scope")).containsExactly("col", "col");
        assertThat(head.get(0).hasClass("narrow")).isTrue();
        assertThat(head.get(1).classNames()).isEmpty();
        Elements rows = table.select("tbody > tr");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).child(0).text()).isEqualTo("Ana");
        assertThat(rows.get(0).child(0).hasClass("narrow")).isTrue();
        // typed markup arrives escaped: shown as its characters, never as elements
        assertThat(rows.get(0).child(1).text()).isEqualTo("<b>first</b>");
        assertThat(rows.get(0).child(1).children()).isEmpty();
        assertThat(rows.get(1).child(1).text()).isEmpty();
        assertThat(rows.get(2).child(0).text()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(rows.get(2).child(1).text()).isEqualTo("\"quoted\" & more");
        assertThat(table.select("b, img")).isEmpty();
        assertThat(html).contains("&lt;b&gt;first&lt;/b&gt;").doesNotContain("<b>").doesNotContain("<img");
    }

    @Test
    void without_rows_the_empty_text_stands_in_its_place() {
        Component shown = TABLE.of("timeline", List.of(), "Nothing yet");

        assertThat(shown).isInstanceOf(Paragraph.class);
        assertThat(shown.getId()).contains("timeline");
        assertThat(shown.getElement().getText()).isEqualTo("Nothing yet");
    }
}
