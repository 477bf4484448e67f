package org.consilium.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

/** A submitted version of a proposal, frozen: its content as JSON, never updated. */
@Entity
@Immutable
@Table(name = "proposal_version")
class ProposalVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "proposal_id", nullable = false)
    private Proposal proposal;

    @Column(name = "version_number", nullable = false)
    private int versionNumber;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "submitted_by_id", nullable = false)
    private Person submittedBy;

    @Column(name = "content_json", nullable = false, columnDefinition = "LONGTEXT")
    private String contentJson;

    protected ProposalVersion() {
    }

    ProposalVersion(Proposal proposal, int versionNumber, Instant submittedAt, Person submittedBy, String contentJson) {
        this.proposal = proposal;
        this.versionNumber = versionNumber;
        this.submittedAt = submittedAt;
        this.submittedBy = submittedBy;
        this.contentJson = contentJson;
    }

    int getVersionNumber() {
        return versionNumber;
    }

    Instant getSubmittedAt() {
        return submittedAt;
    }

    Person getSubmittedBy() {
        return submittedBy;
    }

    String getContentJson() {
        return contentJson;
    }
}
