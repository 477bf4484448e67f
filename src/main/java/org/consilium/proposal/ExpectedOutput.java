package org.consilium.proposal;

/** What a project expects to produce. */
public enum ExpectedOutput {
    PUBLICATIONS("Publications"),
    NEW_OUTCOME_INDICATORS("New outcome indicators"),
    POST_APPROVAL_STUDIES("Post-approval studies");

    private final String label;

    ExpectedOutput(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
