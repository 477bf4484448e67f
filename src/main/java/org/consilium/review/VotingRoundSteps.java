package org.consilium.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.consilium.member.MemberService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the governance workflow does with a voting round: open it, know who is still to vote and until
 * when, close and count it, extend it once. Called from the engine, in its transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class VotingRoundSteps {

    /** The counts the decision table {@code patient-review-outcome} takes. */
    public record Tally(int organisations, int approvals, int rejections, int abstentions) {

        public int nonAbstainingVotes() {
            return approvals + rejections;
        }
    }

    private final VotingRoundRepository rounds;
    private final VoteRepository votes;
    private final MemberService members;
    private final GovernanceDurations durations;
    private final Clock clock;

    VotingRoundSteps(VotingRoundRepository rounds, VoteRepository votes, MemberService members,
                     GovernanceDurations durations, Clock clock) {
        this.rounds = rounds;
        this.votes = votes;
        this.members = members;
        this.durations = durations;
        this.clock = clock;
    }

    public void open(Long proposalId) {
        if (rounds.findByProposalId(proposalId).isEmpty()) {
            rounds.save(new VotingRound(proposalId, members.activePatientOrganisationIds(), clock.instant(),
                    durations.votingPeriod()));
        }
    }

    public List<Long> organisationsStillToVote(Long proposalId) {
        VotingRound round = round(proposalId);
        // The engine asks twice as it opens the round's votes (their number, then each one's organisation).
        Set<Long> voted = round.isOpenedNow() ? Set.of() : votes.findByVotingRoundId(round.getId()).stream()
                .map(Vote::getOrganisationId).collect(Collectors.toSet());
        return round.getOrganisationIds().stream().filter(id -> !voted.contains(id)).sorted().toList();
    }

    public Instant deadline(Long proposalId) {
        return round(proposalId).getDeadline();
    }

    public Instant reminderTime(Long proposalId) {
        return deadline(proposalId).minus(durations.votingReminderBefore());
    }

    public Tally close(Long proposalId) {
        VotingRound round = round(proposalId);
        round.close(clock.instant());
        List<Vote> cast = votes.findByVotingRoundId(round.getId());
        int approvals = (int) cast.stream().filter(v -> v.getChoice().approves()).count();
        int rejections = (int) cast.stream().filter(v -> v.getChoice() == VoteChoice.REJECT).count();
        int abstentions = (int) cast.stream().filter(v -> v.getChoice() == VoteChoice.ABSTAIN).count();
        return new Tally(round.getOrganisationIds().size(), approvals, rejections, abstentions);
    }

    public void recordOutcome(Long proposalId, String outcome) {
        round(proposalId).recordOutcome(outcome);
    }

    public void extend(Long proposalId) {
        round(proposalId).extend(clock.instant(), durations.votingExtension());
    }

    private VotingRound round(Long proposalId) {
        return rounds.findByProposalId(proposalId)
                .orElseThrow(() -> new IllegalStateException("No voting round for proposal " + proposalId));
    }
}
