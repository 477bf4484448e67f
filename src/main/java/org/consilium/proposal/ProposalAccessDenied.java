package org.consilium.proposal;

import org.springframework.security.access.AccessDeniedException;

/** The signed-in person may not see or do this with this proposal; the message says why, in plain words. */
public class ProposalAccessDenied extends AccessDeniedException {

    public ProposalAccessDenied(String message) {
        super(message);
    }
}
