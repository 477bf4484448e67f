package org.consilium.agreement;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.consilium.persistence.RememberedIds;

/**
 * A signature's transaction asks for its agreement up to seven times (the signature's checks, the execution, the
 * workflow's expressions for the access period's timers): with the agreement's id remembered, only the first of
 * these goes to the database ({@link RememberedIds}).
 */
class AgreementOfProposalImpl implements AgreementOfProposal {

    private static final String BY_PROPOSAL = "select a from Agreement a where a.proposalId = :proposalId";

    @PersistenceContext
    private EntityManager entityManager;

    private final RememberedIds<Agreement> agreements =
            new RememberedIds<>(Agreement.class, Agreement::getId, Agreement::getProposalId);

    @Override
    public Optional<Agreement> findByProposalId(Long proposalId) {
        return agreements.find(entityManager, proposalId, key -> entityManager.createQuery(BY_PROPOSAL, Agreement.class)
                .setParameter("proposalId", key).getResultStream().findFirst());
    }

    @Override
    public Optional<Agreement> lockByProposalId(Long proposalId) {
        return agreements.lock(entityManager, proposalId, key -> entityManager.createQuery(BY_PROPOSAL, Agreement.class)
                .setParameter("proposalId", key).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst());
    }
}
