package org.consilium.proposal;

/**
 * One field that differs between two frozen versions, as text: {@code field} is the form's English label,
 * {@code fieldKey} its translation key; the values name choices in the caller's language (English outside a UI).
 */
public record VersionChange(String field, String before, String after, String fieldKey) {
}
