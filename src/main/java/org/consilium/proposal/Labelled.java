package org.consilium.proposal;

/**
 * An enum whose constants are shown to people: each constant has its own translation key, such as
 * {@code proposal.status.SUBMITTED}. The enum's English {@code label()} stays for what is written down once
 * in English (the audit trail, exception messages); screens show {@link Labels#of(Labelled)}.
 */
public interface Labelled {

    /** The constant's name in English. */
    String label();

    /** The translation key of the constant's name, e.g. {@code proposal.status.SUBMITTED}. */
    String labelKey();
}
