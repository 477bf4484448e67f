package org.consilium.proposal;

import java.time.Instant;

public record VersionInfo(int number, Instant submittedAt, String submittedBy) {
}
