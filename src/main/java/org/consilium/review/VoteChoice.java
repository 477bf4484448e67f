package org.consilium.review;

/** What a patient organisation may answer. A comment is mandatory except for approve. */
public enum VoteChoice {
    APPROVE("Approve"),
    APPROVE_WITH_RECOMMENDATIONS("Approve with recommendations"),
    REJECT("Reject"),
    ABSTAIN("Abstain");

    private final String label;

    VoteChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean needsComment() {
        return this != APPROVE;
    }

    public boolean approves() {
        return this == APPROVE || this == APPROVE_WITH_RECOMMENDATIONS;
    }
}
