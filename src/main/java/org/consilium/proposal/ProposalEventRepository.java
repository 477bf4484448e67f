package org.consilium.proposal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProposalEventRepository extends JpaRepository<ProposalEvent, Long> {

    @Query("select e from ProposalEvent e where e.proposal.id = :proposalId order by e.occurredAt, e.id")
    List<ProposalEvent> findTimeline(Long proposalId);
}
