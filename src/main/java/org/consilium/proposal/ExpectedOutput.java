package org.consilium.proposal;

/** What a project expects to produce. */
public enum ExpectedOutput implements Labelled {
    PUBLICATIONS("Publications"),
    NEW_OUTCOME_INDICATORS("New outcome indicators"),
    POST_APPROVAL_STUDIES("Post-approval studies");

    private final String label;

    ExpectedOutput(String label) {
        this.label = label;
    }

    /** In English, for what is written down once (audit trail, messages); screens use {@link #labelKey()}. */
    @Override
    public String label() {
        return label;
    }

    @Override
    public String labelKey() {
        return "proposal.expectedOutput." + name();
    }
}
