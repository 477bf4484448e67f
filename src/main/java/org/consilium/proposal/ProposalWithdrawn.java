package org.consilium.proposal;

/** The applicant withdrew the proposal; published inside the withdrawing transaction. */
public record ProposalWithdrawn(Long proposalId, String reference) {
}
