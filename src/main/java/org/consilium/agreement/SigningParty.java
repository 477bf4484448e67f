package org.consilium.agreement;

/** The two sides of an agreement, in the order they sign. */
public enum SigningParty {
    LEAD_ORGANISATION("Lead organisation"),
    FOUNDATION("Foundation");

    private final String label;

    SigningParty(String label) {
        this.label = label;
    }

    /** In English, for records (the timeline, the audit trail) that keep one wording. */
    public String label() {
        return label;
    }

    /** The key of the label in the translation files. */
    public String key() {
        return "agreement.party." + name();
    }
}
