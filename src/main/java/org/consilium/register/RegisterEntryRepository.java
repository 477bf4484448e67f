package org.consilium.register;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface RegisterEntryRepository extends JpaRepository<RegisterEntry, Long>, JpaSpecificationExecutor<RegisterEntry> {

    Optional<RegisterEntry> findByProposalId(Long proposalId);

    Optional<RegisterEntry> findByReference(String reference);
}
