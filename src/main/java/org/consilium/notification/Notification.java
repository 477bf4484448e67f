package org.consilium.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Something a person should know: a task for them, a decision on their proposal, a deadline. */
@Entity
@Table(name = "notification")
class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false)
    private Long personId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "proposal_id")
    private Long proposalId;

    @Column(nullable = false, length = 500)
    private String message;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    Notification(Long personId, Instant createdAt, Long proposalId, String message) {
        this.personId = personId;
        this.createdAt = createdAt;
        this.proposalId = proposalId;
        this.message = message.length() > 500 ? message.substring(0, 499) + "…" : message;
    }

    NotificationItem item() {
        return new NotificationItem(id, createdAt, proposalId, message, readAt != null);
    }
}
