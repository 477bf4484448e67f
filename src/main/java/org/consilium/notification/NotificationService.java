package org.consilium.notification;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.consilium.member.MemberService;
import org.consilium.member.PreferenceService;
import org.consilium.member.Preferences;
import org.consilium.security.CurrentUser;
import org.consilium.ui.Formats;
import org.consilium.ui.Translations;
import org.consilium.ui.UserZone;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells people what concerns them: in the portal (kept in the database, in the transaction of the
 * change itself) and by e-mail when SMTP is configured (queued in that transaction and sent after it
 * commits, so that an unreachable mail server never undoes a decision; see {@link MailOutbox}).
 *
 * <p>Each recipient reads it in their own language and time zone (their preferences; English and UTC when they
 * chose none). The words are written when the notification is created and stored as text: the bell shows exactly
 * what the e-mail said, a notification needs no other feature's code to be read later, and it reads as it did on
 * the day (like an e-mail, an older notification keeps the language its reader had then).
 *
 * <p>The bell asks for its reader's unread count on every navigation. The count is kept in memory per person and
 * forgotten when it changes: after the transaction that delivers a notification to them commits, and when they mark
 * theirs read; it is also read again after {@link #UNREAD_KEPT_FOR} at the latest. So a navigation asks the database
 * only after a change (docs/performance.md, "UI latency under simulated users"). This assumes one portal process
 * writes the notifications, as deployed.
 */
@Service
@Transactional
public class NotificationService {

    private final NotificationRepository notifications;
    private final MemberService members;
    private final PreferenceService preferences;
    private final CurrentUser currentUser;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    /** How long an unread count is kept at most, even if nothing said it changed. */
    static final java.time.Duration UNREAD_KEPT_FOR = java.time.Duration.ofMinutes(1);
    /** People whose counts are kept at most; beyond, all are forgotten. */
    static final int UNREAD_KEPT_MAX = 10_000;

    private record Unread(long count, Instant readAt) {
    }

    /** Unread counts per person, as last read from the database. */
    private final Map<Long, Unread> unread = new ConcurrentHashMap<>();
    /** Changes of unread counts so far: a count read while one happened is not kept. */
    private final AtomicLong unreadChanges = new AtomicLong();

    NotificationService(NotificationRepository notifications, MemberService members, PreferenceService preferences,
                        CurrentUser currentUser, MailOutbox outbox, MessageSource messages, Clock clock,
                        JdbcTemplate jdbc) {
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.members = members;
        this.preferences = preferences;
        this.currentUser = currentUser;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
    }

    /** Called by other features when something happens; the recipients were chosen by them. */
    public void notify(Collection<Long> personIds, Long proposalId, NotificationText text) {
        insert(deliver(personIds, proposalId, (locale, zone) -> write(text, locale, zone)));
    }

    /** One notification to some people about a proposal, for {@link #notify(List)}. */
    public record Delivery(Collection<Long> personIds, Long proposalId, NotificationText text) {
    }

    /** Several at once: the recipients' preferences are read with one query for all of them. */
    public void notify(List<Delivery> deliveries) {
        Map<Long, Preferences> preferred = preferences.of(deliveries.stream()
                .flatMap(d -> d.personIds().stream()).collect(java.util.stream.Collectors.toSet()));
        List<Object[]> rows = new java.util.ArrayList<>();
        deliveries.forEach(d -> rows.addAll(deliver(d.personIds(), d.proposalId(),
                (locale, zone) -> write(d.text(), locale, zone), preferred)));
        insert(rows);
    }

    /** The same with words that need no translation (the e-mail around them is still in each one's language). */
    public void notify(Collection<Long> personIds, Long proposalId, String message) {
        insert(deliver(personIds, proposalId, (locale, zone) -> message));
    }

    private List<Object[]> deliver(Collection<Long> personIds, Long proposalId,
                                   BiFunction<Locale, ZoneId, String> words) {
        return deliver(personIds, proposalId, words, null);
    }

    /** The notifications' rows, in each one's words; e-mails queued, and the unread counts forgotten after commit. */
    private List<Object[]> deliver(Collection<Long> personIds, Long proposalId, BiFunction<Locale, ZoneId, String> words,
                                   Map<Long, Preferences> known) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = new java.util.ArrayList<>();
        List<Long> recipients = personIds.stream().distinct().toList();
        Map<Long, String> addresses = outbox.enabled() ? members.emailAddresses(recipients) : Map.of();
        Instant now = clock.instant();
        Map<Long, Preferences> preferred = known != null ? known : preferences.of(recipients);
        for (Long id : recipients) {
            Preferences chosen = preferred.get(id);
            Locale locale = Translations.forCode(chosen.language());
            String message = words.apply(locale, zoneOf(chosen.timeZone()));
            rows.add(new Object[] {id, LocalDateTime.ofInstant(now, ZoneOffset.UTC), proposalId, message});
            String address = addresses.get(id);
            if (address != null) {
                // Plain text only: nothing a user typed can become markup in an e-mail.
                outbox.queue(List.of(address), messages.getMessage("notification.email.subject",
                                new Object[] {message.length() > 80 ? message.substring(0, 79) + "…" : message}, locale),
                        messages.getMessage("notification.email.body", new Object[] {message}, locale));
            }
        }
        if (!addresses.isEmpty()) {
            afterCommit(outbox::sendDue);
        }
        afterCommit(() -> unreadChanged(recipients));
        return rows;
    }

    /** Rows per statement: one INSERT carries them all (one round trip for a voting round's representatives). */
    private static final int ROWS_PER_INSERT = 200;

    /**
     * Writes the notifications with one multi-row INSERT per {@link #ROWS_PER_INSERT}, in the caller's transaction
     * (the same connection as JPA's). A row at a time was a statement per recipient, and the driver sends a JDBC
     * batch as separate statements too.
     */
    private void insert(List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            jdbc.update("INSERT INTO notification (person_id, created_at, proposal_id, message) VALUES "
                    + String.join(", ", java.util.Collections.nCopies(part.size(), "(?, ?, ?, ?)")),
                    part.stream().flatMap(java.util.Arrays::stream).toArray());
        }
    }

    /** The text in one language and time zone: moments in that zone, nested texts translated. */
    String write(NotificationText text, Locale locale, ZoneId zone) {
        Object[] args = text.args();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Instant instant) {
                args[i] = Formats.dateTime(instant, locale, zone);
            } else if (args[i] instanceof NotificationText nested) {
                args[i] = write(nested, locale, zone);
            }
        }
        return text.fallback() == null ? messages.getMessage(text.key(), args, locale)
                : messages.getMessage(text.key(), args, text.fallback(), locale);
    }

    /** The recipient's zone; UTC (named "UTC", not "Z") for those who chose none. */
    private static ZoneId zoneOf(String chosen) {
        try {
            return chosen == null ? UserZone.UTC : ZoneId.of(chosen);
        } catch (DateTimeException e) {
            return UserZone.UTC;
        }
    }

    /**
     * The signed-in person's unread notifications. Kept in memory until they change (see the class comment); no
     * transaction around it, so that a kept count takes no database connection and a count read from the database
     * takes one statement.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public long unreadCount() {
        Long personId = currentUser.require().personId();
        Instant now = clock.instant();
        Unread kept = unread.get(personId);
        if (kept != null && now.isBefore(kept.readAt().plus(UNREAD_KEPT_FOR))) {
            return kept.count();
        }
        long changesBefore = unreadChanges.get();
        long count = notifications.countByPersonIdAndReadAtIsNull(personId);
        if (unread.size() >= UNREAD_KEPT_MAX) {
            unread.clear();
        }
        // kept only if no count changed while it was read (a change forgets after it counts: see unreadChanged)
        unread.compute(personId, (id, old) -> unreadChanges.get() == changesBefore ? new Unread(count, now) : old);
        return count;
    }

    /** Forgets the kept counts of these people: they are read from the database at their next navigation. */
    private void unreadChanged(Collection<Long> personIds) {
        unreadChanges.incrementAndGet();
        personIds.forEach(unread::remove);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<NotificationItem> latest(int count) {
        return notifications.findLatest(currentUser.require().personId(), PageRequest.of(0, count)).stream()
                .map(Notification::item).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public void markAllRead() {
        Long personId = currentUser.require().personId();
        notifications.markAllRead(personId, clock.instant());
        afterCommit(() -> unreadChanged(List.of(personId)));
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
