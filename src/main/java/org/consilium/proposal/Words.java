package org.consilium.proposal;

import java.util.regex.Pattern;

/** Counts words the way a reader would: runs of characters between whitespace
 * (Unicode spaces included, such as the no-break space). */
public final class Words {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

    private Words() {
    }

    public static int count(String text) {
        if (text == null) {
            return 0;
        }
        return (int) WHITESPACE.splitAsStream(text).filter(word -> !word.isEmpty()).count();
    }
}
