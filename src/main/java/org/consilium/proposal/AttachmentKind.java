package org.consilium.proposal;

/** What an attached PDF is. */
public enum AttachmentKind implements Labelled {
    PROTOCOL("Study protocol"),
    ETHICS_APPROVAL("Institution's ethics approval"),
    OTHER("Other document");

    private final String label;

    AttachmentKind(String label) {
        this.label = label;
    }

    /** In English, for what is written down once (audit trail, messages); screens use {@link #labelKey()}. */
    @Override
    public String label() {
        return label;
    }

    @Override
    public String labelKey() {
        return "proposal.attachmentKind." + name();
    }
}
