package org.consilium.workflow;

import org.consilium.review.Declaration;

/** An organisation's open vote on a proposal, as the representative acting on it sees it. */
public record VoteTask(String taskId, Long proposalId, Long organisationId, String organisationName,
                       Declaration declaration) {
}
