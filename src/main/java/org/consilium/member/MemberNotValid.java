package org.consilium.member;

/** A change to the member directory refused, naming the field at fault. */
public class MemberNotValid extends RuntimeException {

    private final String field;

    public MemberNotValid(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
