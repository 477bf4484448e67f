package org.consilium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadOnlyTableTest {

    private record Entry(String who, String what) {
    }

    private static final ReadOnlyTable<Entry> TABLE = new ReadOnlyTable<Entry>()
            .narrowColumn("Who", Entry::who)
            .column("What", Entry::what);

    @Test
    void rows_become_cells_under_column_headers_and_markup_stays_text() {
        Component shown = TABLE.of("timeline", List.of(new Entry("Ana", "<b>first</b>"), new Entry("Ben", null)),
                "Nothing yet");

        assertThat(shown).isInstanceOf(NativeTable.class);
        assertThat(shown.getId()).contains("timeline");
        Element head = shown.getElement().getChild(0).getChild(0);
        assertThat(head.getChild(0).getText()).isEqualTo("Who");
        assertThat(head.getChild(0).getAttribute("scope")).isEqualTo("col");
        assertThat(head.getChild(0).getClassList()).contains("narrow");
        assertThat(head.getChild(1).getText()).isEqualTo("What");
        Element body = shown.getElement().getChild(1);
        assertThat(body.getChildCount()).isEqualTo(2);
        Element first = body.getChild(0);
        assertThat(first.getChild(0).getText()).isEqualTo("Ana");
        assertThat(first.getChild(0).getClassList()).contains("narrow");
        // set as text: the browser shows the tags, never renders them
        assertThat(first.getChild(1).getText()).isEqualTo("<b>first</b>");
        assertThat(first.getChild(1).getProperty("innerHTML")).isNull();
        assertThat(first.getChild(1).getClassList()).isEmpty();
        assertThat(body.getChild(1).getChild(1).getText()).isEmpty();
    }

    @Test
    void without_rows_the_empty_text_stands_in_its_place() {
        Component shown = TABLE.of("timeline", List.of(), "Nothing yet");

        assertThat(shown).isInstanceOf(Paragraph.class);
        assertThat(shown.getId()).contains("timeline");
        assertThat(shown.getElement().getText()).isEqualTo("Nothing yet");
    }
}
