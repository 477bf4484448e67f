package org.consilium.agreement;

/** Where one version of an agreement stands; only the latest can be sent and signed. */
public enum VersionState {
    DRAFT("Draft — not yet sent"),
    OUT_FOR_SIGNATURE("Out for signature"),
    SUPERSEDED("Superseded — signatures void"),
    EXECUTED("Executed"),
    CANCELLED("Cancelled");

    private final String label;

    VersionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
