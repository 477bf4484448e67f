package org.consilium.review;

import org.consilium.proposal.Labelled;

/** What a patient organisation may answer. A comment is mandatory except for approve. */
public enum VoteChoice implements Labelled {
    APPROVE("Approve"),
    APPROVE_WITH_RECOMMENDATIONS("Approve with recommendations"),
    REJECT("Reject"),
    ABSTAIN("Abstain");

    private final String label;

    VoteChoice(String label) {
        this.label = label;
    }

    /** In English, for what is written down once (audit trail, messages); screens use {@link #labelKey()}. */
    @Override
    public String label() {
        return label;
    }

    @Override
    public String labelKey() {
        return "review.vote." + name();
    }

    public boolean needsComment() {
        return this != APPROVE;
    }

    public boolean approves() {
        return this == APPROVE || this == APPROVE_WITH_RECOMMENDATIONS;
    }
}
