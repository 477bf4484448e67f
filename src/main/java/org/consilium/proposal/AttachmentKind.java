package org.consilium.proposal;

/** What an attached PDF is. */
public enum AttachmentKind {
    PROTOCOL("Study protocol"),
    ETHICS_APPROVAL("Institution's ethics approval"),
    OTHER("Other document");

    private final String label;

    AttachmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
