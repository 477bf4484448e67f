package org.consilium.member;

import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: at least 12 characters and at most 72 bytes (what bcrypt reads), not the username or the person's name, and not one of
 * the passwords every guesser tries first. Length over composition rules (NIST SP 800-63B).
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;
    private static final Set<String> COMMON = Set.of("password1234", "123456789012", "qwertyuiop12", "passwordpassword",
            "consilium123", "consilium2026", "letmein12345", "administrator", "welcome12345", "changeme1234");

    /** Why a password is refused: a translation key (admin.password.*) and its arguments. */
    record Refusal(String key, Object... args) {
    }

    private PasswordPolicy() {
    }

    /** The reason the password is refused, or null if it is acceptable. */
    static Refusal problem(String password, String username, String fullName) {
        if (password == null || password.length() < MIN_LENGTH) {
            return new Refusal("admin.password.tooShort", MIN_LENGTH);
        }
        // bcrypt reads at most 72 bytes: a longer password would be cut silently, or refused by the encoder.
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            return new Refusal("admin.password.tooLong", MAX_BYTES);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            return new Refusal("admin.password.tooEasy");
        }
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return new Refusal("admin.password.containsUsername");
        }
        if (fullName != null && fullName.strip().length() >= 4 && lower.contains(fullName.strip().toLowerCase(Locale.ROOT))) {
            return new Refusal("admin.password.containsName");
        }
        return null;
    }
}
