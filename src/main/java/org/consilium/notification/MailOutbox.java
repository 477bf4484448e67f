package org.consilium.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.consilium.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the e-mails waiting in the outbox: right after the transaction that queued them commits, and
 * again on a schedule for those that failed. Each attempt is its own short transaction; after the last
 * one the e-mail is an incident that administrators see and can send again.
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final OutgoingEmailRepository emails;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final int maxAttempts;
    private final Duration firstPause;
    private final Clock clock;
    private final AuditTrail audit;
    private final TransactionTemplate ownTransaction;
    /** The mail sender, or empty when none is configured: looked up once (a lookup scans the beans by type). */
    private volatile Optional<JavaMailSender> configuredSender;

    MailOutbox(OutgoingEmailRepository emails, ObjectProvider<JavaMailSender> mail,
               @Value("${consilium.mail.from:consilium@localhost}") String from,
               @Value("${consilium.mail.max-attempts:4}") int maxAttempts,
               @Value("${consilium.mail.first-retry-after:1m}") Duration firstPause, Clock clock, AuditTrail audit,
               PlatformTransactionManager transactions) {
        this.emails = emails;
        this.mail = mail;
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.firstPause = firstPause;
        this.clock = clock;
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    boolean enabled() {
        return sender() != null;
    }

    private JavaMailSender sender() {
        Optional<JavaMailSender> known = configuredSender;
        if (known == null) {
            known = Optional.ofNullable(mail.getIfAvailable());
            configuredSender = known;
        }
        return known.orElse(null);
    }

    /** Queues e-mails in the caller's transaction: they exist exactly when the decision does. */
    void queue(Collection<String> addresses, String subject, String body) {
        addresses.forEach(address -> emails.save(new OutgoingEmail(address, subject, body, clock.instant())));
    }

    /** Sends every e-mail that is due; returns how many were sent. */
    @Scheduled(fixedDelayString = "${consilium.mail.poll:PT30S}", initialDelayString = "${consilium.mail.poll:PT30S}")
    public int sendDue() {
        JavaMailSender sender = sender();
        if (sender == null) {
            return 0;
        }
        List<Long> due = ownTransaction.execute(s -> emails.findDue(clock.instant(), PageRequest.of(0, 100)));
        int sent = 0;
        for (Long id : due == null ? List.<Long>of() : due) {
            sent += attempt(sender, id) ? 1 : 0;
        }
        return sent;
    }

    private boolean attempt(JavaMailSender sender, Long id) {
        Boolean sent = ownTransaction.execute(s -> {
            OutgoingEmail email = emails.findById(id).orElse(null);
            if (email == null || email.getStatus() != OutgoingEmail.Status.PENDING) {
                return false;
            }
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(email.getRecipient());
                message.setSubject(email.getSubject());
                message.setText(email.getBody());
                sender.send(message);
                email.sent(clock.instant());
                return true;
            } catch (MailException e) {
                email.failed(clock.instant(), e.getMessage(), maxAttempts, firstPause);
                log.warn("E-mail {} to {} not sent (attempt {}): {}", id, email.getRecipient(), email.getAttempts(),
                        e.getMessage());
                if (email.getStatus() == OutgoingEmail.Status.FAILED) {
                    audit.record(null, "Consilium mail", "EMAIL_FAILED", "email", "email #" + id, "E-mail to "
                            + email.getRecipient() + " failed " + email.getAttempts() + " times: now an incident",
                            email.getSubject());
                }
                return false;
            }
        });
        return Boolean.TRUE.equals(sent);
    }

    /** The e-mails that failed for good, newest first. */
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public List<MailIncident> incidents(int limit) {
        return ownTransaction.execute(s -> emails.findFailed(PageRequest.of(0, Math.max(1, Math.min(limit, 500))))
                .stream().map(OutgoingEmail::incident).toList());
    }

    /** An administrator sends a failed e-mail again, now; it keeps its retries if this attempt fails too. */
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public boolean retry(Long id) {
        ownTransaction.executeWithoutResult(s -> {
            OutgoingEmail email = emails.findById(id).orElseThrow(() -> new IllegalArgumentException("No e-mail " + id));
            if (email.getStatus() != OutgoingEmail.Status.FAILED) {
                throw new IllegalStateException("E-mail " + id + " is not an incident");
            }
            email.retry(clock.instant());
            audit.record("EMAIL_RETRIED", "email", "email #" + id, "E-mail to " + email.getRecipient()
                    + " sent again by an administrator", null);
        });
        JavaMailSender sender = sender();
        return sender != null && attempt(sender, id);
    }
}
