package org.consilium.cockpit;

/**
 * A stage of a proposal's way through governance, as its timeline shows it: each stage starts with one of
 * the timeline's events and lasts until the next event that starts another (see {@link StageStays}).
 */
public enum Stage {
    /** Submitted (or resubmitted after a return), waiting for the governance office's completeness check. */
    COMPLETENESS_CHECK,
    /** Returned to the applicant for changes. */
    RETURNED,
    /** Under patient and ethics review. */
    REVIEW,
    /** The ethics board asked the applicant for changes. */
    CHANGES_REQUESTED,
    /** Approved; the governance office prepares the agreement. */
    AGREEMENT_PREPARATION,
    /** The agreement is out for signature. */
    SIGNATURE,
    /** Access has expired; the project waits for its closure. */
    AWAITING_CLOSURE
}
