package org.consilium.member;

import java.time.Instant;

/**
 * An invitation just sent. The link holds the one-time token; it is given back only to the administrator who sent
 * it, for when the portal sends no e-mail ({@code emailed} false), and never stored.
 */
public record IssuedInvitation(Long id, String email, String link, boolean emailed, Instant expiresAt) {
}
