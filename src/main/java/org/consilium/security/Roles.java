package org.consilium.security;

/**
 * Role names for {@code @RolesAllowed}; they equal the names of {@link org.consilium.member.Role}
 * (annotations need compile-time constants, an enum cannot give them).
 */
public final class Roles {

    public static final String RESEARCHER = "RESEARCHER";
    public static final String PATIENT_REPRESENTATIVE = "PATIENT_REPRESENTATIVE";
    public static final String ETHICS_REVIEWER = "ETHICS_REVIEWER";
    public static final String SIGNATORY = "SIGNATORY";
    public static final String STAFF = "STAFF";
    public static final String ADMINISTRATOR = "ADMINISTRATOR";

    private Roles() {
    }
}
