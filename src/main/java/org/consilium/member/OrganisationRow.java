package org.consilium.member;

/** One line of the administrators' list of organisations, with how many active people act for it. */
public record OrganisationRow(Long id, String name, String countryCode, OrganisationType type, boolean active,
                              long activePeople, long lockVersion) {

    public boolean patientOrganisation() {
        return type == OrganisationType.PATIENT_ORGANISATION;
    }
}
