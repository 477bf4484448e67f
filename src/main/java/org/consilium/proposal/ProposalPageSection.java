package org.consilium.proposal;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/** A section another feature adds to the proposal page (for example the voting round's results). */
public interface ProposalPageSection {

    /** The section for this viewer, if there is anything they may see. */
    Optional<Component> section(ProposalDetails details, boolean viewerIsApplicant);
}
