package org.consilium.member;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An invitation to become a person of an organisation. Only the SHA-256 of its one-time token is kept: the
 * token itself exists in the e-mail alone. Used once; a resend replaces the token and the expiry.
 */
@Entity
@Table(name = "invitation")
class Invitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    private String tokenHash;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id", nullable = false)
    private Organisation organisation;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "invitation_role", joinColumns = @JoinColumn(name = "invitation_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 40)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(length = 8)
    private String language;

    @Column(name = "invited_by")
    private Long invitedBy;

    @Column(name = "invited_by_name", nullable = false, length = 200)
    private String invitedByName;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "person_id")
    private Long personId;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by_name", length = 200)
    private String revokedByName;

    protected Invitation() {
    }

    Invitation(String tokenHash, String email, String fullName, Organisation organisation, Set<Role> roles,
               String language, Long invitedBy, String invitedByName, Instant now, Instant expiresAt) {
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.email = Objects.requireNonNull(email);
        this.fullName = Objects.requireNonNull(fullName);
        this.organisation = Objects.requireNonNull(organisation);
        this.roles = EnumSet.copyOf(roles);
        this.language = language;
        this.invitedBy = invitedBy;
        this.invitedByName = Objects.requireNonNull(invitedByName);
        this.createdAt = now;
        this.sentAt = now;
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    /** What an invitation is now; a revoked or used one stays so after it would have expired. */
    InvitationState state(Instant now) {
        if (revokedAt != null) {
            return InvitationState.REVOKED;
        }
        if (usedAt != null) {
            return InvitationState.USED;
        }
        return now.isBefore(expiresAt) ? InvitationState.PENDING : InvitationState.EXPIRED;
    }

    /** A new token and a new expiry: the earlier link stops working. */
    void resend(String newTokenHash, Instant now, Instant newExpiry) {
        tokenHash = newTokenHash;
        sentAt = now;
        expiresAt = newExpiry;
    }

    void revoke(Instant now, String by) {
        revokedAt = now;
        revokedByName = by;
    }

    void use(Instant now, Long person) {
        usedAt = now;
        personId = person;
    }

    Long getId() {
        return id;
    }

    String getEmail() {
        return email;
    }

    String getFullName() {
        return fullName;
    }

    Organisation getOrganisation() {
        return organisation;
    }

    Set<Role> getRoles() {
        return roles;
    }

    String getLanguage() {
        return language;
    }

    String getInvitedByName() {
        return invitedByName;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    InvitationRow row(Instant now) {
        return new InvitationRow(id, fullName, email, organisation.getName(), Set.copyOf(roles), invitedByName,
                sentAt, expiresAt, state(now), usedAt, revokedAt, revokedByName);
    }
}
