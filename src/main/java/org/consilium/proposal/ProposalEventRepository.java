package org.consilium.proposal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProposalEventRepository extends JpaRepository<ProposalEvent, Long> {

    @Query("select e from ProposalEvent e where e.proposal.id = :proposalId order by e.occurredAt, e.id")
    List<ProposalEvent> findTimeline(Long proposalId);

    /** When the proposal's timeline last records {@code kind}; null if it never does. */
    @Query("select max(e.occurredAt) from ProposalEvent e where e.proposal.id = :proposalId and e.kind = :kind")
    java.time.Instant findLastOccurrence(Long proposalId, ProposalEventKind kind);
}
