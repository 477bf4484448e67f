package org.consilium.member;

/** A person's roles changed or they were deactivated: their open sessions must end. */
public record PersonAccessChanged(String username) {
}
