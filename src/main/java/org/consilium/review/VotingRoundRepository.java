package org.consilium.review;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface VotingRoundRepository extends JpaRepository<VotingRound, Long> {

    Optional<VotingRound> findByProposalId(Long proposalId);
}
