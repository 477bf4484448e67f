package org.consilium.proposal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProposalRepository extends JpaRepository<Proposal, Long> {

    String MINE = """
            p.applicant.id = :personId
            or exists (select 1 from Proposal q join q.team t where q = p and t.personId = :personId)""";

    @Query("select new org.consilium.proposal.ProposalRow(p.id, p.reference, p.title, p.acronym, p.status, p.updatedAt,"
            + " p.applicant.id) from Proposal p where " + MINE)
    List<ProposalRow> findRowsOf(Long personId, Pageable page);

    @Query("select count(p) from Proposal p where " + MINE)
    long countOf(Long personId);

    @EntityGraph(attributePaths = {"applicant", "leadOrganisation", "principalInvestigator"})
    @Query("select p from Proposal p where p.id = :id")
    Optional<Proposal> findWithPeople(Long id);

    @Query("select new org.consilium.proposal.ProposalRow(p.id, p.reference, p.title, p.acronym, p.status, p.updatedAt,"
            + " p.applicant.id) from Proposal p where p.id in :ids")
    List<ProposalRow> findRows(Collection<Long> ids);

    @Query("select p.id from Proposal p where p.reference = :reference")
    Optional<Long> findIdByReference(String reference);
}
