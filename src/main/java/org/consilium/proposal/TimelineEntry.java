package org.consilium.proposal;

import java.time.Instant;

public record TimelineEntry(Instant occurredAt, String actor, ProposalEventKind kind, Integer version, String reason) {

    /** Done by the workflow itself rather than by a person (the actor is then the workflow's English name). */
    public boolean byWorkflow() {
        return ProposalTimeline.WORKFLOW.equals(actor);
    }
}
