package org.consilium.cockpit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The days a report covers, from {@code first} to {@code last} inclusive, as calendar days of a time zone. */
public record ReportingPeriod(LocalDate first, LocalDate last, ZoneId zone) {

    public ReportingPeriod {
        if (first == null || last == null || zone == null) {
            throw new IllegalArgumentException("A period needs its first day, its last day and a time zone");
        }
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("The period ends before it starts");
        }
    }

    /** The twelve months up to and including today. */
    public static ReportingPeriod lastTwelveMonths(Clock clock, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return new ReportingPeriod(today.minusMonths(12).plusDays(1), today, zone);
    }

    /** The first moment of the period. */
    public Instant from() {
        return first.atStartOfDay(zone).toInstant();
    }

    /** The first moment after the period. */
    public Instant to() {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
