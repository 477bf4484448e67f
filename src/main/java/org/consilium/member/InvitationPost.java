package org.consilium.member;

/**
 * Sends an invitation e-mail: implemented by the notification feature, which queues it in its outbox within the
 * caller's transaction. {@code false} when the portal sends no e-mail (no mail server configured).
 */
public interface InvitationPost {

    boolean post(String address, String subject, String body);
}
