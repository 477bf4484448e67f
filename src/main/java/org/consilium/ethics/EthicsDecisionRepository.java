package org.consilium.ethics;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EthicsDecisionRepository extends JpaRepository<EthicsDecision, Long> {

    /** JPQL: a derived query builds and translates a criteria query at every call. */
    @Query("select d from EthicsDecision d where d.proposalId = :proposalId order by d.decidedAt desc, d.id desc")
    List<EthicsDecision> findByProposalIdOrderByDecidedAtDescIdDesc(Long proposalId);
}
