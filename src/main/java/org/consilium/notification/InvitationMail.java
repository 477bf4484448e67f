package org.consilium.notification;

import java.util.List;
import org.consilium.member.InvitationPost;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Invitation e-mails go through the outbox like every other e-mail: queued in the transaction that creates the
 * invitation, sent once it commits, retried, and an incident for administrators if the server keeps refusing.
 */
@Component
class InvitationMail implements InvitationPost {

    private final MailOutbox outbox;

    InvitationMail(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public boolean post(String address, String subject, String body) {
        if (!outbox.enabled()) {
            return false;
        }
        outbox.queue(List.of(address), subject, body);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    outbox.sendDue();
                }
            });
        }
        return true;
    }
}
