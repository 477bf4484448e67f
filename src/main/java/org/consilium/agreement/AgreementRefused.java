package org.consilium.agreement;

/**
 * An agreement action refused, with the reason in words the person can act on, in their language (the service
 * writes the message in the language of the screen that called it; English outside one). {@code field} names
 * the input at fault, if one is.
 */
public class AgreementRefused extends RuntimeException {

    private final String field;

    public AgreementRefused(String message) {
        this(null, message);
    }

    public AgreementRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
