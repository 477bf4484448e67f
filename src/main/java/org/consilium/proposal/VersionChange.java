package org.consilium.proposal;

/** One field that differs between two frozen versions, as text. */
public record VersionChange(String field, String before, String after) {
}
