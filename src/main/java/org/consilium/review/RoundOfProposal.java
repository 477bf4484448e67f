package org.consilium.review;

import java.util.Optional;

/** The voting round of a proposal, found by its natural id (see {@link RoundOfProposalImpl}). */
interface RoundOfProposal {

    Optional<VotingRound> findByProposalId(Long proposalId);
}
