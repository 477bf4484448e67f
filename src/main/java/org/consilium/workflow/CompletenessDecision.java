package org.consilium.workflow;

/** The governance office's answer at the completeness check. */
public enum CompletenessDecision {
    ACCEPT("Accept — start patient and ethics review", false),
    RETURN("Return to the applicant for changes", true),
    REJECT("Reject as out of scope", true);

    private final String label;
    private final boolean needsReason;

    CompletenessDecision(String label, boolean needsReason) {
        this.label = label;
        this.needsReason = needsReason;
    }

    public String label() {
        return label;
    }

    public boolean needsReason() {
        return needsReason;
    }
}
