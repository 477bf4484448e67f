package org.consilium.register;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.consilium.proposal.DiseaseArea;
import org.consilium.proposal.ProposalLifecycleSteps.PublicFacts;
import org.hibernate.annotations.BatchSize;

/**
 * A project as the public register shows it: a copy of its public facts taken when the agreement was executed,
 * then only its status and access dates change. Holds no person by design.
 */
@Entity
@Table(name = "register_entry")
class RegisterEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "proposal_id", nullable = false, unique = true)
    private Long proposalId;

    @Column(nullable = false, length = 20, unique = true)
    private String reference;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(length = 30)
    private String acronym;

    @Column(name = "lay_summary", nullable = false, columnDefinition = "TEXT")
    private String laySummary;

    @Column(name = "lead_organisation", nullable = false, length = 200)
    private String leadOrganisation;

    @ElementCollection
    @CollectionTable(name = "register_entry_disease_area", joinColumns = @JoinColumn(name = "entry_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "disease_area", nullable = false, length = 40)
    @BatchSize(size = 100)
    private Set<DiseaseArea> diseaseAreas = EnumSet.noneOf(DiseaseArea.class);

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RegisterStatus status;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "executed_at", nullable = false)
    private Instant executedAt;

    @Column(name = "access_starts_at", nullable = false)
    private Instant accessStartsAt;

    @Column(name = "access_ends_at", nullable = false)
    private Instant accessEndsAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "lock_version", nullable = false)
    private long lockVersion;

    protected RegisterEntry() {
    }

    /** Access starts when the agreement is executed (domain, step 7). */
    RegisterEntry(Long proposalId, PublicFacts facts, Instant executedAt, Instant accessEndsAt, Instant now) {
        this.proposalId = proposalId;
        this.reference = facts.reference();
        this.title = facts.title();
        this.acronym = facts.acronym() == null || facts.acronym().isBlank() ? null : facts.acronym();
        this.laySummary = facts.laySummary();
        this.leadOrganisation = facts.leadOrganisation();
        this.diseaseAreas.addAll(facts.diseaseAreas());
        this.approvedAt = facts.approvedAt();
        this.executedAt = executedAt;
        this.accessStartsAt = executedAt;
        this.accessEndsAt = accessEndsAt;
        this.status = RegisterStatus.ACTIVE;
        this.publishedAt = now;
        this.updatedAt = now;
    }

    void accessRunsUntil(Instant end, Instant now) {
        accessEndsAt = end;
        updatedAt = now;
    }

    /** Access ended at its planned end, or now if the workflow ended it early: never in the future. */
    void accessEnded(Instant plannedEnd, Instant now) {
        status = RegisterStatus.ACCESS_ENDED;
        accessEndsAt = plannedEnd.isAfter(now) ? now : plannedEnd;
        updatedAt = now;
    }

    /** Closed while access still ran: it ended with the closure. */
    void closed(Instant now) {
        status = RegisterStatus.CLOSED;
        closedAt = now;
        if (accessEndsAt.isAfter(now)) {
            accessEndsAt = now;
        }
        updatedAt = now;
    }

    String getReference() {
        return reference;
    }

    RegisterStatus getStatus() {
        return status;
    }

    /** In the enum's order, which is the order the proposal form lists them in. */
    private Set<DiseaseArea> areas() {
        Set<DiseaseArea> ordered = EnumSet.noneOf(DiseaseArea.class);
        ordered.addAll(diseaseAreas);
        return java.util.Collections.unmodifiableSet(ordered);
    }

    RegisterRow row() {
        return new RegisterRow(reference, title, acronym, leadOrganisation, areas(), executedAt,
                accessEndsAt, status);
    }

    RegisterProject project() {
        return new RegisterProject(reference, title, acronym, laySummary, leadOrganisation, areas(),
                status, approvedAt, executedAt, accessStartsAt, accessEndsAt, closedAt);
    }
}
