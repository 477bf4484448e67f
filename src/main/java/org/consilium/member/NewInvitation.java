package org.consilium.member;

import java.util.Set;

/** Whom to invite, for which organisation and roles, and in which language to write to them (en, fr). */
public record NewInvitation(String email, String fullName, Long organisationId, Set<Role> roles, String language) {
}
