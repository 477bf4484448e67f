package org.consilium.review;

/** Where a representative stands on a proposal's conflict-of-interest declaration. */
public enum Declaration {
    NOT_YET, NO_CONFLICT, CONFLICT
}
