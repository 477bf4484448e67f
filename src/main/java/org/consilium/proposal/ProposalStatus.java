package org.consilium.proposal;

/** Where a proposal stands, in the governance office's words. */
public enum ProposalStatus {
    DRAFT("Draft"),
    SUBMITTED("Submitted — awaiting completeness check");

    private final String label;

    ProposalStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
