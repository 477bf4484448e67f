package org.consilium.proposal;

import java.util.regex.Pattern;

/** Counts words the way a reader would: runs of characters between whitespace. */
public final class Words {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Words() {
    }

    public static int count(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return WHITESPACE.split(text.strip()).length;
    }
}
