package org.consilium.agreement;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.hibernate.annotations.Immutable;

/** A PDF exactly as generated or executed, with its SHA-256. Never changed. */
@Entity
@Immutable
@Table(name = "agreement_document")
class AgreementDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private int sizeBytes;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, columnDefinition = "longblob")
    private byte[] content;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AgreementDocument() {
    }

    AgreementDocument(byte[] content, Instant createdAt) {
        this.content = content;
        this.sizeBytes = content.length;
        this.sha256 = sha256(content);
        this.createdAt = createdAt;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Long getId() {
        return id;
    }

    String getSha256() {
        return sha256;
    }

    byte[] getContent() {
        return content;
    }
}
