package org.consilium.proposal;

public record SubmissionReceipt(Long proposalId, String reference, int version) {
}
