package org.consilium.cockpit;

/** Which agreements an agreement list shows. */
public enum AgreementShow {
    /** Out for signature. */
    AWAITING_SIGNATURE,
    /** Executed, not closed, access ending within the "expiring" window. */
    EXPIRING,
    /** Every agreement. */
    ALL
}
