package org.consilium.review;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads a round by its proposal. A proposal has one round for good, so the round's id is remembered: after the first
 * query, a round is loaded by its id, which the persistence context answers without SQL for the rest of the
 * transaction (a vote's transaction, or the one opening a round with its nine tasks, asks many times), and which
 * costs Hibernate far less than its natural-id load (that built its select afresh at every first read in a
 * transaction: 3 % of the portal's CPU in the lifecycle benchmark). A remembered id that no longer leads to the
 * proposal's round (a round rolled back, a table emptied by tests) is asked for again.
 */
class RoundOfProposalImpl implements RoundOfProposal {

    private static final String BY_PROPOSAL = "select r from VotingRound r left join fetch r.organisationIds"
            + " where r.proposalId = :proposalId";

    @PersistenceContext
    private EntityManager entityManager;

    private final Map<Long, Long> roundIds = new ConcurrentHashMap<>();

    @Override
    public Optional<VotingRound> findByProposalId(Long proposalId) {
        Long id = roundIds.get(proposalId);
        if (id != null) {
            VotingRound round = entityManager.find(VotingRound.class, id);
            if (round != null && proposalId.equals(round.getProposalId())) {
                return Optional.of(round);
            }
            roundIds.remove(proposalId, id);
        }
        Optional<VotingRound> round = entityManager.createQuery(BY_PROPOSAL, VotingRound.class)
                .setParameter("proposalId", proposalId).getResultStream().findFirst();
        round.ifPresent(r -> roundIds.put(proposalId, r.getId()));
        return round;
    }
}
