package org.consilium.proposal;

/** The categories of platform data a proposal may request. */
public enum DataCategory implements Labelled {
    DEMOGRAPHICS("Demographics"),
    DIAGNOSIS("Diagnosis"),
    TREATMENT("Treatment"),
    RESPONSE_AND_OUTCOMES("Response and outcomes"),
    CYTOGENETICS_AND_MOLECULAR_MARKERS("Cytogenetics and molecular markers"),
    GENOMIC_SEQUENCING("Genomic sequencing"),
    LABORATORY_VALUES("Laboratory values"),
    SURVIVAL_FOLLOW_UP("Survival follow-up");

    private final String label;

    DataCategory(String label) {
        this.label = label;
    }

    /** In English, for what is written down once (audit trail, messages); screens use {@link #labelKey()}. */
    @Override
    public String label() {
        return label;
    }

    @Override
    public String labelKey() {
        return "proposal.dataCategory." + name();
    }
}
