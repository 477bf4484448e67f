package org.consilium.review;

import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.NaturalId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** The patient organisations' vote on one proposal. Votes stay sealed until the round closes. */
@Entity
@Table(name = "voting_round")
class VotingRound {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** A natural id: read again in the same transaction, the round comes from the persistence context. */
    @NaturalId
    @Column(name = "proposal_id", nullable = false, unique = true)
    private Long proposalId;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(nullable = false)
    private Instant deadline;

    @Column(nullable = false)
    private boolean extended;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(length = 20)
    private String outcome;

    // Always needed with the round (who may declare, vote, read): fetched in the round's own query.
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.JOIN)
    @CollectionTable(name = "voting_round_organisation", joinColumns = @JoinColumn(name = "voting_round_id"))
    @Column(name = "organisation_id", nullable = false)
    private Set<Long> organisationIds = new HashSet<>();

    @Version
    @Column(name = "lock_version", nullable = false)
    private long lockVersion;

    /** Opened in this persistence context: nobody can have voted yet (a vote needs the round's row committed). */
    @Transient
    private boolean openedNow;

    protected VotingRound() {
    }

    VotingRound(Long proposalId, Set<Long> organisationIds, Instant openedAt, Duration period) {
        this.openedNow = true;
        this.proposalId = proposalId;
        this.organisationIds = new HashSet<>(organisationIds);
        this.openedAt = openedAt;
        this.deadline = openedAt.plus(period);
    }

    Long getId() {
        return id;
    }

    Long getProposalId() {
        return proposalId;
    }

    Instant getDeadline() {
        return deadline;
    }

    Set<Long> getOrganisationIds() {
        return organisationIds;
    }

    boolean isOpenedNow() {
        return openedNow;
    }

    boolean isOpen() {
        return closedAt == null;
    }

    boolean isExtended() {
        return extended;
    }

    String getOutcome() {
        return outcome;
    }

    void close(Instant now) {
        if (closedAt == null) {
            closedAt = now;
        }
    }

    void recordOutcome(String result) {
        this.outcome = result;
    }

    /** Staff may extend a round without quorum once; it reopens until the new deadline. */
    void extend(Instant now, Duration extension) {
        if (extended) {
            throw new IllegalStateException("The voting round has been extended once already");
        }
        extended = true;
        closedAt = null;
        outcome = null;
        deadline = now.plus(extension);
    }
}
