package org.consilium.member;

/** An invitation link that cannot be used, and why; the invitation page says so in words. */
public class InvitationRefused extends RuntimeException {

    public enum Reason {
        /** No invitation has this token: mistyped, cut, or replaced by a newer e-mail. */
        UNKNOWN,
        EXPIRED,
        USED,
        REVOKED,
        /** The organisation was deactivated after the invitation was sent. */
        ORGANISATION_INACTIVE
    }

    private final Reason reason;

    public InvitationRefused(Reason reason) {
        super("Invitation refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
