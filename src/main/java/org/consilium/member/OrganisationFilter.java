package org.consilium.member;

/**
 * What to show of the organisations; every part optional.
 *
 * @param name        text in the name
 * @param countryCode the two-letter code, exactly
 * @param type        the kind of organisation
 * @param active      true: active only; false: deactivated only; null: both
 */
public record OrganisationFilter(String name, String countryCode, OrganisationType type, Boolean active) {

    public static OrganisationFilter none() {
        return new OrganisationFilter(null, null, null, null);
    }
}
