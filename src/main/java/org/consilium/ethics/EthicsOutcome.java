package org.consilium.ethics;

import org.consilium.proposal.Labelled;

/** What the ethics board may decide. */
public enum EthicsOutcome implements Labelled {
    APPROVE("Approve"),
    APPROVE_WITH_CONDITIONS("Approve with conditions"),
    REQUEST_CHANGES("Request changes from the applicant"),
    REJECT("Reject");

    private final String label;

    EthicsOutcome(String label) {
        this.label = label;
    }

    /** In English, for what is written down once (audit trail, messages); screens use {@link #labelKey()}. */
    @Override
    public String label() {
        return label;
    }

    @Override
    public String labelKey() {
        return "ethics.outcome." + name();
    }
}
