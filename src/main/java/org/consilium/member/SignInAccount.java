package org.consilium.member;

import java.util.Set;

/** What the security feature needs to sign a person in. */
public record SignInAccount(Long personId, String username, String passwordHash, String fullName,
                            Long organisationId, String organisationName, Set<Role> roles, boolean active) {
}
