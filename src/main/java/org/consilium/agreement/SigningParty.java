package org.consilium.agreement;

/** The two sides of an agreement, in the order they sign. */
public enum SigningParty {
    LEAD_ORGANISATION("Lead organisation"),
    FOUNDATION("Foundation");

    private final String label;

    SigningParty(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
