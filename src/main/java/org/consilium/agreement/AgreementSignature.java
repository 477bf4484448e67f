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
import org.hibernate.annotations.Immutable;

/** A signature on one version: who, for which organisation, what it means, when, and on which exact PDF. */
@Entity
@Immutable
@Table(name = "agreement_signature")
class AgreementSignature {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "version_id", nullable = false)
    private Long versionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SigningParty party;

    @Column(name = "signer_id", nullable = false)
    private Long signerId;

    @Column(name = "signer_name", nullable = false, length = 200)
    private String signerName;

    @Column(name = "organisation_id", nullable = false)
    private Long organisationId;

    @Column(name = "organisation_name", nullable = false, length = 200)
    private String organisationName;

    @Column(nullable = false, length = 500)
    private String meaning;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    @Column(name = "document_sha256", nullable = false, length = 64)
    private String documentSha256;

    protected AgreementSignature() {
    }

    AgreementSignature(Long versionId, SigningParty party, Long signerId, String signerName, Long organisationId,
                       String organisationName, String meaning, Instant signedAt, String documentSha256) {
        this.versionId = versionId;
        this.party = party;
        this.signerId = signerId;
        this.signerName = signerName;
        this.organisationId = organisationId;
        this.organisationName = organisationName;
        this.meaning = meaning;
        this.signedAt = signedAt;
        this.documentSha256 = documentSha256;
    }

    Long getVersionId() {
        return versionId;
    }

    SigningParty getParty() {
        return party;
    }

    Long getSignerId() {
        return signerId;
    }

    SignatureLine line() {
        return new SignatureLine(party, signerName, organisationName, meaning, signedAt, documentSha256);
    }
}
