package org.consilium.member;

import java.time.Instant;
import java.util.Set;

/** What the invitee sees before choosing a username and password. */
public record InvitationOpening(String fullName, String email, String organisation, Set<Role> roles,
                                String invitedBy, Instant expiresAt, String suggestedUsername, String language) {
}
