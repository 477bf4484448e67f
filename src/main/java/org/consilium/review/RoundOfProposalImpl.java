package org.consilium.review;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.consilium.persistence.RememberedIds;

/**
 * Loads a round by its proposal. A proposal has one round for good, so the round's id is remembered
 * ({@link RememberedIds}): a vote's transaction, or the one opening a round with its nine tasks, asks many times.
 */
class RoundOfProposalImpl implements RoundOfProposal {

    private static final String BY_PROPOSAL = "select r from VotingRound r left join fetch r.organisationIds"
            + " where r.proposalId = :proposalId";

    @PersistenceContext
    private EntityManager entityManager;

    private final RememberedIds<VotingRound> rounds =
            new RememberedIds<>(VotingRound.class, VotingRound::getId, VotingRound::getProposalId);

    @Override
    public Optional<VotingRound> findByProposalId(Long proposalId) {
        return rounds.find(entityManager, proposalId, key -> entityManager.createQuery(BY_PROPOSAL, VotingRound.class)
                .setParameter("proposalId", key).getResultStream().findFirst());
    }
}
