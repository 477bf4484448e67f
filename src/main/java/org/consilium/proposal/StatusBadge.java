package org.consilium.proposal;

import com.vaadin.flow.component.html.Span;

/** A proposal's status in words, as a Lumo badge. */
final class StatusBadge extends Span {

    StatusBadge(ProposalStatus status) {
        super(Labels.of(status));
        getElement().getThemeList().add("badge");
        if (status != ProposalStatus.DRAFT) {
            getElement().getThemeList().add("success");
        }
        getElement().setAttribute("data-status", status.name());
    }
}
