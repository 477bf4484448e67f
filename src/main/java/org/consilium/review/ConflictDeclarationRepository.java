package org.consilium.review;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ConflictDeclarationRepository extends JpaRepository<ConflictDeclaration, Long> {

    // Written out, not derived: docs/architecture.md, "Queries on hot paths are written out".
    /** Whether the person declared a conflict in the round; empty if they have not declared. */
    @Query("select d.hasConflict from ConflictDeclaration d where d.votingRoundId = :votingRoundId"
            + " and d.personId = :personId")
    Optional<Boolean> conflictIn(@Param("votingRoundId") Long votingRoundId, @Param("personId") Long personId);

    /** Whether the person declared a conflict for the proposal's round; empty if they have not declared. */
    @Query("select d.hasConflict from ConflictDeclaration d, VotingRound r"
            + " where r.proposalId = :proposalId and d.votingRoundId = r.id and d.personId = :personId")
    Optional<Boolean> conflictOf(@Param("proposalId") Long proposalId, @Param("personId") Long personId);
}
