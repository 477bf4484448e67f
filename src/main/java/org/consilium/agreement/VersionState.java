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

    /** In English, for records (the timeline, the audit trail) that keep one wording. */
    public String label() {
        return label;
    }

    /** The key of the label in the translation files. */
    public String key() {
        return "agreement.versionState." + name();
    }
}
