package org.consilium.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.consilium.member.MemberService;
import org.consilium.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells people what concerns them: in the portal (kept in the database, in the transaction of the
 * change itself) and by e-mail when SMTP is configured (sent after that transaction commits, so that
 * an unreachable mail server never undoes a decision).
 */
@Service
@Transactional
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final NotificationRepository notifications;
    private final MemberService members;
    private final CurrentUser currentUser;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, MemberService members, CurrentUser currentUser,
                        ObjectProvider<JavaMailSender> mail,
                        @Value("${consilium.mail.from:consilium@localhost}") String from, Clock clock) {
        this.notifications = notifications;
        this.members = members;
        this.currentUser = currentUser;
        this.mail = mail;
        this.from = from;
        this.clock = clock;
    }

    /** Called by other features when something happens; the recipients were chosen by them. */
    public void notify(Collection<Long> personIds, Long proposalId, String message) {
        if (personIds.isEmpty()) {
            return;
        }
        personIds.stream().distinct().forEach(id ->
                notifications.save(new Notification(id, clock.instant(), proposalId, message)));
        JavaMailSender sender = mail.getIfAvailable();
        if (sender != null) {
            Map<Long, String> addresses = members.emailAddresses(personIds);
            afterCommit(() -> addresses.values().forEach(address -> send(sender, address, message)));
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

    private void send(JavaMailSender sender, String address, String message) {
        SimpleMailMessage email = new SimpleMailMessage();
        email.setFrom(from);
        email.setTo(address);
        email.setSubject("Consilium: " + (message.length() > 80 ? message.substring(0, 79) + "…" : message));
        // Plain text only: nothing a user typed can become markup in an e-mail.
        email.setText(message + "\n\nOpen Consilium to see more.");
        try {
            sender.send(email);
        } catch (MailException e) {
            log.warn("Could not send a notification e-mail to {}: {}", address, e.getMessage());
        }
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
