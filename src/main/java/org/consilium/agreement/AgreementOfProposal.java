package org.consilium.agreement;

import java.util.Optional;

/** The agreement of a proposal (one for good), found by its remembered id (see {@link AgreementOfProposalImpl}). */
interface AgreementOfProposal {

    Optional<Agreement> findByProposalId(Long proposalId);

    /**
     * The same, its row locked until the transaction ends, and its state as last committed. Serialises whatever
     * changes one agreement (generate, send, sign) so two clicks make one change.
     */
    Optional<Agreement> lockByProposalId(Long proposalId);
}
