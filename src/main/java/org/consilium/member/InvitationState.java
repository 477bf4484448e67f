package org.consilium.member;

/** Where an invitation stands. */
public enum InvitationState {
    /** Sent, not yet used, not expired. */
    PENDING,
    /** Not used in time; an administrator may send it again. */
    EXPIRED,
    /** The person chose a username and password: they exist now. */
    USED,
    /** Withdrawn by an administrator. */
    REVOKED
}
