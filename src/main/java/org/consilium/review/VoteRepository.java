package org.consilium.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VoteRepository extends JpaRepository<Vote, Long> {

    // Queries written out rather than derived from method names: Hibernate keeps the translation of a query
    // string, but builds and translates a derived (criteria) query afresh at every call, which was most of
    // these reads' CPU in the lifecycle benchmark (docs/performance.md, "Fourth round").
    @Query("select v from Vote v where v.votingRoundId = :votingRoundId")
    List<Vote> findByVotingRoundId(@Param("votingRoundId") Long votingRoundId);

}
