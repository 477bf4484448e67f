package org.consilium.notification;

import java.util.Arrays;

/**
 * What a notification says, before it is put into words: a key of the translation files and its arguments. The
 * notification service writes it in each recipient's language; an argument that is an {@link java.time.Instant}
 * is written in the recipient's time zone, and one that is itself a {@code NotificationText} is translated too.
 *
 * @param fallback the words to use when the key has no text (e.g. a workflow step added without a translation);
 *                 null when the key must exist
 */
public record NotificationText(String key, String fallback, Object[] args) {

    public NotificationText {
        args = args == null ? new Object[0] : args.clone();
    }

    /** A text whose key exists in every language. */
    public static NotificationText message(String key, Object... args) {
        return new NotificationText(key, null, args);
    }

    /** A text that falls back to the given words where the key has none. */
    public static NotificationText messageOr(String key, String fallback, Object... args) {
        return new NotificationText(key, fallback, args);
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    @Override
    public String toString() {
        return key + Arrays.toString(args);
    }
}
