package org.consilium.review;

import org.springframework.security.access.AccessDeniedException;

/** A declaration or vote that may not be made; the message says why. */
public class VoteRefused extends AccessDeniedException {

    public VoteRefused(String message) {
        super(message);
    }
}
