package org.consilium.workflow;

import java.time.Instant;

/** A task someone may act on, with the proposal it is about. */
public record InboxTask(String taskId, String name, String stepKey, Instant created, Instant due, String assignee,
                        Long proposalId, String reference, String proposalTitle) {

    public boolean heldBy(String username) {
        return username.equals(assignee);
    }

    public boolean overdue(Instant now) {
        return due != null && due.isBefore(now);
    }
}
