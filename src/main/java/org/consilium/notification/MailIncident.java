package org.consilium.notification;

import java.time.Instant;

/** An e-mail that could not be sent after every attempt. */
public record MailIncident(Long id, String recipient, String subject, int attempts, String lastError,
                           Instant createdAt) {
}
