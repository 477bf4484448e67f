package org.consilium.member;

import java.time.Instant;
import java.util.Set;

/** One line of the administrators' list of invitations. */
public record InvitationRow(Long id, String fullName, String email, String organisation, Set<Role> roles,
                            String invitedBy, Instant sentAt, Instant expiresAt, InvitationState state, Instant usedAt,
                            Instant revokedAt, String revokedBy) {
}
