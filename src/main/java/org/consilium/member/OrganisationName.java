package org.consilium.member;

/** An organisation's name, read without the rest of it. */
record OrganisationName(Long id, String name) {
}
