package org.consilium.ethics;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EthicsDecisionRepository extends JpaRepository<EthicsDecision, Long> {

    List<EthicsDecision> findByProposalIdOrderByDecidedAtDescIdDesc(Long proposalId);
}
