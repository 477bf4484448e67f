package org.consilium.member;

import java.util.Set;

/** One line of the administrators' list of people. */
public record PersonRow(Long id, String username, String fullName, String email, String organisation,
                        Set<Role> roles, boolean active) {
}
