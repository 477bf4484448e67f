package org.consilium.review;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ConflictDeclarationRepository extends JpaRepository<ConflictDeclaration, Long> {

    Optional<ConflictDeclaration> findByVotingRoundIdAndPersonId(Long votingRoundId, Long personId);

    /** Whether the person declared a conflict for the proposal's round; empty if they have not declared. */
    @Query("select d.hasConflict from ConflictDeclaration d, VotingRound r"
            + " where r.proposalId = :proposalId and d.votingRoundId = r.id and d.personId = :personId")
    Optional<Boolean> conflictOf(@Param("proposalId") Long proposalId, @Param("personId") Long personId);
}
