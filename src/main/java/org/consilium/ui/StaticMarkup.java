package org.consilium.ui;

import com.vaadin.flow.component.Component;
import java.util.function.Consumer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A read-only block of a page (a proposal's fields, a short table) sent to the browser whole, as one escaped HTML
 * string, instead of as a component per element. Vaadin pays for every element it tracks: each one is several
 * changes in the reply, converted and written one by one, walked again on every navigation and detached one by one
 * when the view goes (docs/performance.md, UI, "Eighth session"). Nothing inside talks to the server: no listener,
 * no component (a link inside navigates as any link of the portal does).
 *
 * <p>The tree is built with jsoup, whose {@code text(…)} and {@code attr(…)} escape what they are given: whatever a
 * person typed is shown as typed, never as markup. Build with those, never with {@code html(…)} or
 * {@code append(…)}.
 */
public final class StaticMarkup extends Component {

    private StaticMarkup(Element root) {
        super(new com.vaadin.flow.dom.Element(root.tagName()));
        root.attributes().forEach(a -> getElement().setAttribute(a.getKey(), a.getValue()));
        getElement().setProperty("innerHTML", root.html());
    }

    /** The block whose root has this tag, filled by {@code content}; the root's attributes stay on the component. */
    public static StaticMarkup of(String tag, Consumer<Element> content) {
        Element root = root(tag);
        content.accept(root);
        return of(root);
    }

    /** A root to build on, for {@link #of(Element)} when the block is filled step by step. */
    public static Element root(String tag) {
        Document document = new Document("");
        // No pretty printing: it would add line breaks and indents inside texts shown with white-space: pre-wrap.
        document.outputSettings().prettyPrint(false);
        return document.appendElement(tag);
    }

    /** The block built on a {@link #root(String)}. */
    public static StaticMarkup of(Element root) {
        if (root.ownerDocument() == null || root.ownerDocument().outputSettings().prettyPrint()) {
            throw new IllegalArgumentException("Build on StaticMarkup.root(tag): pretty printing would add white space");
        }
        return new StaticMarkup(root);
    }

    /** The escaped HTML inside the root, as the browser receives it. */
    public String innerHtml() {
        return getElement().getProperty("innerHTML");
    }
}
