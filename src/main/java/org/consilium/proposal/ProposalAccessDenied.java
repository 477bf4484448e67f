package org.consilium.proposal;

import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in person may not see or do this with this proposal; the message says why, in plain words
 * (English), and {@link #getLocalizedMessage()} in the user's language.
 */
public class ProposalAccessDenied extends AccessDeniedException {

    private final transient LocalizedText text;

    public ProposalAccessDenied(String message) {
        this(message, null);
    }

    public ProposalAccessDenied(String message, LocalizedText text) {
        super(message);
        this.text = text;
    }

    @Override
    public String getLocalizedMessage() {
        return LocalizedText.translate(text, getMessage());
    }
}
