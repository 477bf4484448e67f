package org.consilium.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VoteRepository extends JpaRepository<Vote, Long> {

    // Written out, not derived: docs/architecture.md, "Queries on hot paths are written out".
    @Query("select v from Vote v where v.votingRoundId = :votingRoundId")
    List<Vote> findByVotingRoundId(@Param("votingRoundId") Long votingRoundId);

}
