package org.consilium.review;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ConflictDeclarationRepository extends JpaRepository<ConflictDeclaration, Long> {

    // Queries written out rather than derived from method names: Hibernate keeps the translation of a query
    // string, but builds and translates a derived (criteria) query afresh at every call, which was most of
    // these reads' CPU in the lifecycle benchmark (docs/performance.md, "Fourth round").
    /** Whether the person declared a conflict in the round; empty if they have not declared. */
    @Query("select d.hasConflict from ConflictDeclaration d where d.votingRoundId = :votingRoundId"
            + " and d.personId = :personId")
    Optional<Boolean> conflictIn(@Param("votingRoundId") Long votingRoundId, @Param("personId") Long personId);

    /** Whether the person declared a conflict for the proposal's round; empty if they have not declared. */
    @Query("select d.hasConflict from ConflictDeclaration d, VotingRound r"
            + " where r.proposalId = :proposalId and d.votingRoundId = r.id and d.personId = :personId")
    Optional<Boolean> conflictOf(@Param("proposalId") Long proposalId, @Param("personId") Long personId);
}
