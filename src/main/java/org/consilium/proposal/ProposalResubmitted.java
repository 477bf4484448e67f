package org.consilium.proposal;

/** A revision frozen as a new version; published inside the resubmitting transaction. */
public record ProposalResubmitted(Long proposalId, String reference, int version) {
}
