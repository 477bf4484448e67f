package org.consilium.member;

import java.util.EnumSet;
import java.util.UUID;
import org.consilium.SignIn;

/**
 * People and organisations for service tests, unique per call, so that tests never depend on demo data
 * (which the MariaDB suite does not have) nor on each other.
 */
public class MemberFixtures {

    private final MemberService members;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private int sequence;

    public MemberFixtures(MemberService members) {
        this.members = members;
    }

    public OrganisationSummary organisation(String name, OrganisationType type) {
        SignIn.asAdministrator();
        try {
            return members.registerOrganisation(name + " " + run + "-" + (++sequence), "NL", type);
        } finally {
            SignIn.out();
        }
    }

    /** The password of every person this fixture registers. */
    public String password() {
        return "secret-" + run;
    }

    /** Registers a person and returns the username to sign in with. */
    public String person(String name, OrganisationSummary organisation, Role... roles) {
        String letters = name.toLowerCase().replaceAll("[^a-z0-9]", "");
        String username = (letters.isEmpty() ? "user" : letters) + "-" + run + "-" + (++sequence);
        SignIn.asAdministrator();
        try {
            members.registerPerson(new NewPerson(username, name, username + "@test.example", "secret-" + run,
                    organisation.id(), EnumSet.of(roles[0], roles)));
            return username;
        } finally {
            SignIn.out();
        }
    }
}
