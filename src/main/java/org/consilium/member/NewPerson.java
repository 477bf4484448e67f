package org.consilium.member;

import java.util.Set;

/** A person to register: the password is given in clear and hashed by the service. */
public record NewPerson(String username, String fullName, String email, String password,
                        Long organisationId, Set<Role> roles) {
}
