package org.consilium.proposal;

/** An upload refused: the message tells the user what to send instead. */
public class AttachmentRejected extends RuntimeException {

    public AttachmentRejected(String message) {
        super(message);
    }
}
