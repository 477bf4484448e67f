package org.consilium.proposal;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.function.Function;

/** A proposal's status in words, as a Lumo badge. */
final class StatusBadge extends Span {

    StatusBadge(ProposalStatus status) {
        super(Labels.of(status));
        getElement().getThemeList().add(theme(status));
        getElement().setAttribute("data-status", status.name());
    }

    /**
     * The same badge in a grid column, drawn by the browser from one template: no component, no state node per row
     * (the researcher's proposals are their landing view, kept by every signed-in researcher's session).
     */
    static <T> LitRenderer<T> renderer(Function<T, ProposalStatus> status) {
        return LitRenderer.<T>of("<span theme=\"${item.theme}\" data-status=\"${item.status}\">${item.label}</span>")
                .withProperty("label", row -> Labels.of(status.apply(row)))
                .withProperty("theme", row -> theme(status.apply(row)))
                .withProperty("status", row -> status.apply(row).name());
    }

    /** Grey for a draft, green once submitted. */
    private static String theme(ProposalStatus status) {
        return status == ProposalStatus.DRAFT ? "badge" : "badge success";
    }
}
