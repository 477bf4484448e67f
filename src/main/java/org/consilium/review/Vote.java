package org.consilium.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One organisation's vote, cast by one of its representatives. Never changed. */
@Entity
@Immutable
@Table(name = "vote")
class Vote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "voting_round_id", nullable = false)
    private Long votingRoundId;

    @Column(name = "organisation_id", nullable = false)
    private Long organisationId;

    @Column(name = "voter_id", nullable = false)
    private Long voterId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private VoteChoice choice;

    @Column(length = 4000)
    private String comment;

    @Column(name = "cast_at", nullable = false)
    private Instant castAt;

    protected Vote() {
    }

    Vote(Long votingRoundId, Long organisationId, Long voterId, VoteChoice choice, String comment, Instant castAt) {
        this.votingRoundId = votingRoundId;
        this.organisationId = organisationId;
        this.voterId = voterId;
        this.choice = choice;
        this.comment = comment;
        this.castAt = castAt;
    }

    Long getOrganisationId() {
        return organisationId;
    }

    VoteChoice getChoice() {
        return choice;
    }

    String getComment() {
        return comment;
    }
}
