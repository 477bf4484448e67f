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

/** A PDF attached to a proposal. The bytes live in the {@link AttachmentStore}, named by their SHA-256. */
@Entity
@Table(name = "attachment")
class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "proposal_id", nullable = false)
    private Proposal proposal;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private AttachmentKind kind;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "page_count", nullable = false)
    private int pageCount;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "uploaded_by_id", nullable = false)
    private Person uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    /** The first version that carried this attachment; from then on it cannot be removed. */
    @Column(name = "frozen_in_version")
    private Integer frozenInVersion;

    protected Attachment() {
    }

    Attachment(Proposal proposal, AttachmentKind kind, String fileName, StoredPdf pdf, Person uploadedBy, Instant uploadedAt) {
        this.proposal = proposal;
        this.kind = kind;
        this.fileName = fileName;
        this.sizeBytes = pdf.sizeBytes();
        this.sha256 = pdf.sha256();
        this.pageCount = pdf.pageCount();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    Long getId() {
        return id;
    }

    Proposal getProposal() {
        return proposal;
    }

    String getFileName() {
        return fileName;
    }

    String getSha256() {
        return sha256;
    }

    boolean isFrozen() {
        return frozenInVersion != null;
    }

    void freezeIn(int version) {
        if (frozenInVersion == null) {
            frozenInVersion = version;
        }
    }

    AttachmentInfo info() {
        return new AttachmentInfo(id, kind, fileName, sizeBytes, pageCount, sha256, uploadedAt, frozenInVersion);
    }
}
