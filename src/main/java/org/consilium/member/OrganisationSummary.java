package org.consilium.member;

/** What other features need to show or pick an organisation. */
public record OrganisationSummary(Long id, String name, String countryCode) {

    public String label() {
        return name + " (" + countryCode + ")";
    }
}
