package org.consilium.audit;

import java.time.Instant;

/**
 * What to show of the trail; every part optional.
 *
 * @param person text in the actor's username
 * @param record text in the record's id (a proposal reference, a username)
 * @param from   inclusive
 * @param to     exclusive
 */
public record AuditFilter(String person, String record, String kind, Instant from, Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
