package org.consilium.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneOffset;

/** The data-access agreement of one approved proposal: its parties, state and access period. */
@Entity
@Table(name = "agreement")
class Agreement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "proposal_id", nullable = false, unique = true)
    private Long proposalId;

    @Column(name = "lead_organisation_id", nullable = false)
    private Long leadOrganisationId;

    @Column(name = "foundation_id", nullable = false)
    private Long foundationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private AgreementStatus status;

    @Column(name = "access_months", nullable = false)
    private int accessMonths;

    @Column(name = "executed_at")
    private Instant executedAt;

    @Column(name = "access_ends_at")
    private Instant accessEndsAt;

    @Column(name = "executed_document_id")
    private Long executedDocumentId;

    @Column(name = "closure_requested_at")
    private Instant closureRequestedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    @Column(name = "lock_version", nullable = false)
    private long lockVersion;

    protected Agreement() {
    }

    Agreement(Long proposalId, Long leadOrganisationId, Long foundationId, int accessMonths) {
        this.proposalId = proposalId;
        this.leadOrganisationId = leadOrganisationId;
        this.foundationId = foundationId;
        this.accessMonths = accessMonths;
        this.status = AgreementStatus.PREPARING;
    }

    void preparing(int months) {
        status = AgreementStatus.PREPARING;
        accessMonths = months;
    }

    void sent() {
        status = AgreementStatus.OUT_FOR_SIGNATURE;
    }

    /** Access runs for the agreed months from execution, counted in UTC calendar months. */
    void executed(Instant at, Long documentId) {
        status = AgreementStatus.EXECUTED;
        executedAt = at;
        executedDocumentId = documentId;
        accessEndsAt = at.atOffset(ZoneOffset.UTC).plusMonths(accessMonths).toInstant();
    }

    void extendTo(Instant newEnd) {
        accessEndsAt = newEnd;
    }

    void cancelled() {
        status = AgreementStatus.CANCELLED;
    }

    void closureRequested(Instant at) {
        closureRequestedAt = at;
    }

    boolean isClosureRequested() {
        return closureRequestedAt != null;
    }

    void closed(Instant at) {
        closedAt = at;
    }

    Long getId() {
        return id;
    }

    Long getProposalId() {
        return proposalId;
    }

    Long getLeadOrganisationId() {
        return leadOrganisationId;
    }

    Long getFoundationId() {
        return foundationId;
    }

    AgreementStatus getStatus() {
        return status;
    }

    int getAccessMonths() {
        return accessMonths;
    }

    Instant getExecutedAt() {
        return executedAt;
    }

    Instant getAccessEndsAt() {
        return accessEndsAt;
    }

    Long getExecutedDocumentId() {
        return executedDocumentId;
    }

    Instant getClosedAt() {
        return closedAt;
    }
}
