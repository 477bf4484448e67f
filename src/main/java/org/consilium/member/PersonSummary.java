package org.consilium.member;

/** What other features need to show or pick a person. */
public record PersonSummary(Long id, String fullName, Long organisationId, String organisationName) {

    public String label() {
        return fullName + " — " + organisationName;
    }
}
