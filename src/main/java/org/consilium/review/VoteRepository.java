package org.consilium.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface VoteRepository extends JpaRepository<Vote, Long> {

    List<Vote> findByVotingRoundId(Long votingRoundId);

}
