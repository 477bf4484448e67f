package org.consilium.agreement;

import org.consilium.member.Role;
import org.consilium.proposal.ProposalReaders;
import org.consilium.security.ConsiliumUser;
import org.springframework.stereotype.Component;

/** The signatories of an agreement's lead organisation may read the proposal they are asked to sign for. */
@Component
class AgreementReaders implements ProposalReaders {

    private final AgreementRepository agreements;

    AgreementReaders(AgreementRepository agreements) {
        this.agreements = agreements;
    }

    @Override
    public boolean mayRead(Long proposalId, ConsiliumUser user) {
        return user.hasRole(Role.SIGNATORY) && user.organisationId() != null
                && agreements.existsByProposalIdAndLeadOrganisationId(proposalId, user.organisationId());
    }
}
