package org.consilium.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.consilium.member.Person;
import org.hibernate.annotations.Immutable;

/** One line of a proposal's timeline: who did what, when, and why. Never changed. */
@Entity
@Immutable
@Table(name = "proposal_event")
class ProposalEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "proposal_id", nullable = false)
    private Proposal proposal;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "actor_id")
    private Person actor;

    /** Kept as written at the time, so that the timeline reads the same after a person is renamed. */
    @Column(name = "actor_name", nullable = false, length = 200)
    private String actorName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private ProposalEventKind kind;

    @Column(name = "version_number")
    private Integer versionNumber;

    @Column(length = 4000)
    private String reason;

    protected ProposalEvent() {
    }

    ProposalEvent(Proposal proposal, Instant occurredAt, Person actor, String actorName, ProposalEventKind kind,
                  Integer versionNumber, String reason) {
        this.proposal = proposal;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.actorName = actorName;
        this.kind = kind;
        this.versionNumber = versionNumber;
        this.reason = reason;
    }

    Long proposalId() {
        return proposal.getId();
    }

    ProposalEventKind kind() {
        return kind;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    TimelineEntry entry() {
        return new TimelineEntry(occurredAt, actorName, kind, versionNumber, reason);
    }
}
