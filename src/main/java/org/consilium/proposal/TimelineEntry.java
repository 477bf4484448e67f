package org.consilium.proposal;

import java.time.Instant;

public record TimelineEntry(Instant occurredAt, String actor, ProposalEventKind kind, Integer version, String reason) {
}
