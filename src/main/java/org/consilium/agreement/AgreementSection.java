package org.consilium.agreement;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.consilium.proposal.ProposalDetails;
import org.consilium.proposal.ProposalPageSection;

/** The agreement on the proposal page, for those who may see it. */
@org.springframework.stereotype.Component
class AgreementSection implements ProposalPageSection {

    private final AgreementService agreements;

    AgreementSection(AgreementService agreements) {
        this.agreements = agreements;
    }

    @Override
    public Optional<Component> section(ProposalDetails details, boolean viewerIsApplicant) {
        AgreementPanel panel = new AgreementPanel(agreements, details.id());
        return panel.hasContent() ? Optional.of(panel) : Optional.empty();
    }
}
