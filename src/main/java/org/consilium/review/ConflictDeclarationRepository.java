package org.consilium.review;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConflictDeclarationRepository extends JpaRepository<ConflictDeclaration, Long> {

    Optional<ConflictDeclaration> findByVotingRoundIdAndPersonId(Long votingRoundId, Long personId);
}
