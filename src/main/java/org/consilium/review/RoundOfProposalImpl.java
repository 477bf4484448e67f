package org.consilium.review;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Loads a round by its proposal through Hibernate's natural-id lookup: the first read in a transaction is one
 * query, later ones are answered from the persistence context. A query method would run again at every call,
 * and a vote's transaction, or the one opening a round with its nine tasks, asks many times.
 */
class RoundOfProposalImpl implements RoundOfProposal {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public Optional<VotingRound> findByProposalId(Long proposalId) {
        return entityManager.unwrap(Session.class).bySimpleNaturalId(VotingRound.class).loadOptional(proposalId);
    }
}
