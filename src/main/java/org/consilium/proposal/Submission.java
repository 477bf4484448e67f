package org.consilium.proposal;

/**
 * Bean Validation group of the rules that hold only when a proposal is submitted. A draft may be
 * incomplete; the length limits of the default group hold always.
 */
public interface Submission {
}
