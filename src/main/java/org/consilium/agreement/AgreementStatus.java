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

    public String label() {
        return label;
    }
}
