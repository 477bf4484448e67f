package org.consilium.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import org.consilium.ui.Translations;

/** One generated version of an agreement; regenerating supersedes it and voids its signatures. */
@Entity
@Table(name = "agreement_version")
class AgreementVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "agreement_id", nullable = false)
    private Long agreementId;

    @Column(nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private VersionState state;

    @Column(name = "document_id", nullable = false)
    private Long documentId;

    @Column(name = "generated_by", nullable = false)
    private Long generatedBy;

    @Column(name = "generated_at", nullable = false)
    private Instant generatedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    /** The language code the PDF is written in ("en", "fr"). */
    @Column(nullable = false, length = 8)
    private String language;

    protected AgreementVersion() {
    }

    AgreementVersion(Long agreementId, int number, Long documentId, Long generatedBy, Instant generatedAt,
                     Locale language) {
        this.agreementId = agreementId;
        this.language = language.getLanguage();
        this.number = number;
        this.documentId = documentId;
        this.generatedBy = generatedBy;
        this.generatedAt = generatedAt;
        this.state = VersionState.DRAFT;
    }

    void sent(Instant at) {
        state = VersionState.OUT_FOR_SIGNATURE;
        sentAt = at;
    }

    void superseded() {
        state = VersionState.SUPERSEDED;
    }

    void executed() {
        state = VersionState.EXECUTED;
    }

    void cancelled() {
        state = VersionState.CANCELLED;
    }

    Long getId() {
        return id;
    }

    Long getAgreementId() {
        return agreementId;
    }

    int getNumber() {
        return number;
    }

    VersionState getState() {
        return state;
    }

    Long getDocumentId() {
        return documentId;
    }

    Long getGeneratedBy() {
        return generatedBy;
    }

    Instant getGeneratedAt() {
        return generatedAt;
    }

    Instant getSentAt() {
        return sentAt;
    }

    Locale getLanguage() {
        return Translations.forCode(language);
    }
}
