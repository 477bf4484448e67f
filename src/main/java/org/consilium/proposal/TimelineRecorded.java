package org.consilium.proposal;

import java.time.Instant;

/** A line was added to a proposal's timeline; published inside that transaction, right after the line is saved. */
public record TimelineRecorded(Long proposalId, ProposalEventKind kind, Instant occurredAt) {
}
