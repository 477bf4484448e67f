package org.consilium.member;

/** A person's chosen language and time zone; either may be null ("as the browser says"). */
public record Preferences(String language, String timeZone) {
}
