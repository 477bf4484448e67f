package org.consilium.proposal;

/**
 * An upload refused: the message tells the user what to send instead (English), and
 * {@link #getLocalizedMessage()} in the user's language.
 */
public class AttachmentRejected extends RuntimeException {

    private final transient LocalizedText text;

    public AttachmentRejected(String message) {
        this(message, null);
    }

    public AttachmentRejected(String message, LocalizedText text) {
        super(message);
        this.text = text;
    }

    @Override
    public String getLocalizedMessage() {
        return LocalizedText.translate(text, getMessage());
    }
}
