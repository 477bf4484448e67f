package org.consilium.proposal;

public class ProposalNotFound extends RuntimeException {

    public ProposalNotFound(Long id) {
        super("There is no proposal #" + id + ".");
    }
}
