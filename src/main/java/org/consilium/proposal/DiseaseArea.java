package org.consilium.proposal;

/** The haematological malignancies a proposal may study. */
public enum DiseaseArea implements Labelled {
    AML("AML — acute myeloid leukaemia"),
    ALL("ALL — acute lymphoblastic leukaemia"),
    CLL("CLL — chronic lymphocytic leukaemia"),
    CML("CML — chronic myeloid leukaemia"),
    MM("MM — multiple myeloma"),
    MDS("MDS — myelodysplastic syndromes"),
    MPN("MPN — myeloproliferative neoplasms"),
    HODGKIN_LYMPHOMA("Hodgkin lymphoma"),
    NON_HODGKIN_LYMPHOMA("Non-Hodgkin lymphoma"),
    OTHER("Other");

    private final String label;

    DiseaseArea(String label) {
        this.label = label;
    }

    /** In English, for what is written down once (audit trail, messages); screens use {@link #labelKey()}. */
    @Override
    public String label() {
        return label;
    }

    @Override
    public String labelKey() {
        return "proposal.diseaseArea." + name();
    }
}
