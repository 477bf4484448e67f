package org.consilium.member;

/**
 * A change to the member directory refused, naming the field at fault. The message is English (logs, tests);
 * where the service gives a {@link #key()}, screens show the text of that key in the user's language.
 */
public class MemberNotValid extends RuntimeException {

    private final String field;
    private final String key;
    private final transient Object[] args;

    public MemberNotValid(String field, String message) {
        this(field, message, null);
    }

    MemberNotValid(String field, String message, String key, Object... args) {
        super(message);
        this.field = field;
        this.key = key;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public String field() {
        return field;
    }

    /** The translation key of the message, or null if there is only the English message. */
    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
