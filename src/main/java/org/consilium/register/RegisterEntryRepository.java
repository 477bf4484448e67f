package org.consilium.register;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface RegisterEntryRepository extends JpaRepository<RegisterEntry, Long>, JpaSpecificationExecutor<RegisterEntry> {

    /** JPQL: a derived query builds and translates a criteria query at every call. */
    @Query("select e from RegisterEntry e where e.proposalId = :proposalId")
    Optional<RegisterEntry> findByProposalId(Long proposalId);

    Optional<RegisterEntry> findByReference(String reference);
}
