package org.consilium.review;

import org.springframework.data.jpa.repository.JpaRepository;

interface VotingRoundRepository extends JpaRepository<VotingRound, Long>, RoundOfProposal {
}
