package org.consilium.proposal;

/** The proposal was saved by someone else (or in another tab) since it was opened. */
public class ProposalChangedElsewhere extends RuntimeException {

    private static final LocalizedText TEXT = LocalizedText.message("proposal.changedElsewhere");

    public ProposalChangedElsewhere() {
        super("This proposal was changed elsewhere since you opened it. Copy what you wrote, reload, and apply it again.");
    }

    @Override
    public String getLocalizedMessage() {
        return LocalizedText.translate(TEXT, getMessage());
    }
}
