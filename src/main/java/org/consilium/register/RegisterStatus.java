package org.consilium.register;

/** Where a published project stands, as the public sees it. */
public enum RegisterStatus {
    /** The agreement is executed and access to the data runs. */
    ACTIVE,
    /** The access period is over; the project reports its outputs before closure. */
    ACCESS_ENDED,
    CLOSED
}
