package org.consilium.member;

/** What a person may do in the portal. A person holds one or more roles. */
public enum Role {
    RESEARCHER("Researcher"),
    PATIENT_REPRESENTATIVE("Patient representative"),
    ETHICS_REVIEWER("Ethics reviewer"),
    SIGNATORY("Signatory"),
    STAFF("Foundation staff"),
    ADMINISTRATOR("Administrator");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
