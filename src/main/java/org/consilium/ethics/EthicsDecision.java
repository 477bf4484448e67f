package org.consilium.ethics;

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

/** One decision of the ethics board on a proposal. Never changed; a later review adds another. */
@Entity
@Immutable
@Table(name = "ethics_decision")
class EthicsDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "proposal_id", nullable = false)
    private Long proposalId;

    @Column(name = "reviewer_id", nullable = false)
    private Long reviewerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private EthicsRoute route;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private EthicsOutcome decision;

    @Column(length = 4000)
    private String conditions;

    @Column(length = 4000)
    private String comment;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected EthicsDecision() {
    }

    EthicsDecision(Long proposalId, Long reviewerId, EthicsRoute route, EthicsOutcome decision, String conditions,
                   String comment, Instant decidedAt) {
        this.proposalId = proposalId;
        this.reviewerId = reviewerId;
        this.route = route;
        this.decision = decision;
        this.conditions = conditions;
        this.comment = comment;
        this.decidedAt = decidedAt;
    }

    EthicsOutcome getDecision() {
        return decision;
    }

    String getConditions() {
        return conditions;
    }
}
