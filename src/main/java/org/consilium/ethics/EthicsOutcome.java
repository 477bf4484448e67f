package org.consilium.ethics;

/** What the ethics board may decide. */
public enum EthicsOutcome {
    APPROVE("Approve"),
    APPROVE_WITH_CONDITIONS("Approve with conditions"),
    REQUEST_CHANGES("Request changes from the applicant"),
    REJECT("Reject");

    private final String label;

    EthicsOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
