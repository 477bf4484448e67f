package org.consilium.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** An extension of the access period that staff approved: the new end and why. */
@Entity
@Immutable
@Table(name = "access_extension")
class AccessExtension {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "agreement_id", nullable = false)
    private Long agreementId;

    @Column(name = "previous_end", nullable = false)
    private Instant previousEnd;

    @Column(name = "new_end", nullable = false)
    private Instant newEnd;

    @Column(nullable = false, length = 2000)
    private String reason;

    @Column(name = "approved_by", nullable = false)
    private Long approvedBy;

    @Column(name = "approved_at", nullable = false)
    private Instant approvedAt;

    protected AccessExtension() {
    }

    AccessExtension(Long agreementId, Instant previousEnd, Instant newEnd, String reason, Long approvedBy,
                    Instant approvedAt) {
        this.agreementId = agreementId;
        this.previousEnd = previousEnd;
        this.newEnd = newEnd;
        this.reason = reason;
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
    }

    Long getApprovedBy() {
        return approvedBy;
    }

    AgreementOverview.Extension view(String approvedByName) {
        return new AgreementOverview.Extension(previousEnd, newEnd, reason, approvedByName, approvedAt);
    }
}
