package org.consilium.agreement;

/** Where a data-access agreement stands. */
public enum AgreementStatus {
    PREPARING("Being prepared by the governance office"),
    OUT_FOR_SIGNATURE("Out for signature"),
    EXECUTED("Executed — signed by both parties"),
    CANCELLED("Cancelled");

    private final String label;

    AgreementStatus(String label) {
        this.label = label;
    }

    /** In English, for records (the timeline, the audit trail) that keep one wording. */
    public String label() {
        return label;
    }

    /** The key of the label in the translation files. */
    public String key() {
        return "agreement.status." + name();
    }
}
