package org.consilium.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.consilium.member.MemberService;
import org.consilium.security.CurrentUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells people what concerns them: in the portal (kept in the database, in the transaction of the
 * change itself) and by e-mail when SMTP is configured (queued in that transaction and sent after it
 * commits, so that an unreachable mail server never undoes a decision; see {@link MailOutbox}).
 */
@Service
@Transactional
public class NotificationService {


    private final NotificationRepository notifications;
    private final MemberService members;
    private final CurrentUser currentUser;
    private final MailOutbox outbox;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, MemberService members, CurrentUser currentUser,
                        MailOutbox outbox, Clock clock) {
        this.notifications = notifications;
        this.members = members;
        this.currentUser = currentUser;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Called by other features when something happens; the recipients were chosen by them. */
    public void notify(Collection<Long> personIds, Long proposalId, String message) {
        if (personIds.isEmpty()) {
            return;
        }
        personIds.stream().distinct().forEach(id ->
                notifications.save(new Notification(id, clock.instant(), proposalId, message)));
        if (outbox.enabled()) {
            Map<Long, String> addresses = members.emailAddresses(personIds);
            // Plain text only: nothing a user typed can become markup in an e-mail.
            outbox.queue(addresses.values(), "Consilium: " + (message.length() > 80
                    ? message.substring(0, 79) + "…" : message), message + "\n\nOpen Consilium to see more.");
            afterCommit(outbox::sendDue);
        }
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public long unreadCount() {
        return notifications.countByPersonIdAndReadAtIsNull(currentUser.require().personId());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<NotificationItem> latest(int count) {
        return notifications.findLatest(currentUser.require().personId(), PageRequest.of(0, count)).stream()
                .map(Notification::item).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public void markAllRead() {
        notifications.markAllRead(currentUser.require().personId(), clock.instant());
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
