package org.consilium.proposal;

/** The categories of platform data a proposal may request. */
public enum DataCategory {
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

    public String label() {
        return label;
    }
}
