package org.consilium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaticMarkupTest {

    @Test
    void the_root_is_the_component_and_its_inside_is_sent_as_escaped_markup_without_added_white_space() {
        StaticMarkup block = StaticMarkup.of("div", root -> {
            root.addClass("form-section").id("science").attr("data-x", "\"><script>");
            root.appendElement("h3").text("Science");
            root.appendElement("p").addClass("field-value")
                    .text("Line one\n  indented <script>alert('x')</script> & \"more\"");
        });

        assertThat(block.getElement().getTag()).isEqualTo("div");
        assertThat(block.getId()).contains("science");
        assertThat(block.getElement().getClassList()).containsExactly("form-section");
        assertThat(block.getElement().getAttribute("data-x")).isEqualTo("\"><script>");
        // no pretty printing: the value's line break and indent arrive as typed, nothing is added between elements
        assertThat(block.innerHtml()).isEqualTo("<h3>Science</h3><p class=\"field-value\">Line one\n  indented "
                + "&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"more\"</p>");
        assertThat(block.getElement().getChildCount()).isZero();
    }
}
