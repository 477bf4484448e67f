package org.consilium.workflow;

/** The governance office's answer at the completeness check. */
public enum CompletenessDecision {
    ACCEPT(false),
    RETURN(true),
    REJECT(true);

    private final boolean needsReason;

    CompletenessDecision(boolean needsReason) {
        this.needsReason = needsReason;
    }

    /** The key of its label in the translation files. */
    public String labelKey() {
        return "workflow.completeness.decision." + name();
    }

    public boolean needsReason() {
        return needsReason;
    }
}
