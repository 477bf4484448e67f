package org.consilium.proposal;

/** The workflow moved a proposal to another status; published inside that transaction. */
public record ProposalStatusChanged(Long proposalId, String reference, ProposalStatus status, Long applicantId) {
}
