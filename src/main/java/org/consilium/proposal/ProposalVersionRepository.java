package org.consilium.proposal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProposalVersionRepository extends JpaRepository<ProposalVersion, Long> {

    /** JPQL: a derived query builds and translates a criteria query at every call. */
    @Query("select v from ProposalVersion v where v.proposal.id = :proposalId and v.versionNumber = :versionNumber")
    java.util.Optional<ProposalVersion> findByProposalIdAndVersionNumber(Long proposalId, int versionNumber);

    @Query("""
            select new org.consilium.proposal.VersionInfo(v.versionNumber, v.submittedAt, s.fullName)
            from ProposalVersion v join v.submittedBy s where v.proposal.id = :proposalId order by v.versionNumber""")
    List<VersionInfo> findInfos(Long proposalId);
}
