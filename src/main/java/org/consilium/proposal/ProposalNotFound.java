package org.consilium.proposal;

public class ProposalNotFound extends RuntimeException {

    private final String id;

    public ProposalNotFound(Long id) {
        super("There is no proposal #" + id + ".");
        this.id = String.valueOf(id);
    }

    @Override
    public String getLocalizedMessage() {
        return LocalizedText.translate(LocalizedText.message("proposal.notFound", id), getMessage());
    }
}
