package org.consilium.proposal;

/** Published inside the submitting transaction: whoever listens acts in it, or makes it roll back. */
public record ProposalSubmitted(Long proposalId, String reference, int version) {
}
