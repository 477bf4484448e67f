package org.consilium.notification;

import java.time.Instant;

public record NotificationItem(Long id, Instant createdAt, Long proposalId, String message, boolean read) {
}
