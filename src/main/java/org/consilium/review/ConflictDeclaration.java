package org.consilium.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A representative's declaration, made before reading the proposal; one with a conflict may not vote. */
@Entity
@Immutable
@Table(name = "conflict_declaration")
class ConflictDeclaration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "voting_round_id", nullable = false)
    private Long votingRoundId;

    @Column(name = "person_id", nullable = false)
    private Long personId;

    @Column(name = "has_conflict", nullable = false)
    private boolean hasConflict;

    @Column(length = 2000)
    private String details;

    @Column(name = "declared_at", nullable = false)
    private Instant declaredAt;

    protected ConflictDeclaration() {
    }

    ConflictDeclaration(Long votingRoundId, Long personId, boolean hasConflict, String details, Instant declaredAt) {
        this.votingRoundId = votingRoundId;
        this.personId = personId;
        this.hasConflict = hasConflict;
        this.details = details;
        this.declaredAt = declaredAt;
    }

    boolean hasConflict() {
        return hasConflict;
    }
}
