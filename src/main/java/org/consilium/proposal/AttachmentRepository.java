package org.consilium.proposal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    @Query("select a from Attachment a where a.proposal.id = :proposalId order by a.uploadedAt, a.id")
    List<Attachment> findByProposal(Long proposalId);
}
