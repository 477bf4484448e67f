package org.consilium.review;

import java.time.Instant;
import java.util.List;

/**
 * A voting round as the applicant and staff may see it: while open, only which organisations have
 * voted (staff); once closed, the tally and every comment, attributed to organisations, never to persons.
 */
public record RoundResults(boolean open, Instant deadline, boolean extended, String outcome, int organisations,
                           List<String> organisationsVoted, List<OrganisationVote> votes) {

    public record OrganisationVote(String organisation, VoteChoice choice, String comment) {
    }

    public long count(VoteChoice choice) {
        return votes.stream().filter(v -> v.choice() == choice).count();
    }
}
