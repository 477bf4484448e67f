package org.consilium.member;

/** The columns the organisations can be sorted by, in the database. */
public enum OrganisationSort {
    NAME("name"), COUNTRY("countryCode"), TYPE("type"), ACTIVE("active");

    private final String property;

    OrganisationSort(String property) {
        this.property = property;
    }

    String property() {
        return property;
    }
}
