package org.consilium.member;

public enum OrganisationType {
    HOSPITAL("Hospital"),
    UNIVERSITY("University"),
    MEDICAL_ASSOCIATION("Medical association"),
    PHARMACEUTICAL_COMPANY("Pharmaceutical company"),
    SME("SME"),
    TECHNOLOGY_COMPANY("Technology company"),
    PATIENT_ORGANISATION("Patient organisation"),
    FOUNDATION("The foundation");

    private final String label;

    OrganisationType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
