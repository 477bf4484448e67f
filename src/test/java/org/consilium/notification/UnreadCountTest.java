package org.consilium.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.consilium.MovingClock;
import org.consilium.member.MemberService;
import org.consilium.member.PreferenceService;
import org.consilium.member.Preferences;
import org.consilium.security.ConsiliumUser;
import org.consilium.security.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The bell's unread count, kept in memory per person: asked again only after a notification is delivered to them
 * (once the delivery commits), after they mark theirs read, or after a minute; never kept from a read that a
 * change overtook.
 */
class UnreadCountTest {

    static final long ME = 7L;
    static final long SOMEONE_ELSE = 8L;

    final NotificationRepository repository = mock(NotificationRepository.class);
    final CurrentUser currentUser = mock(CurrentUser.class);
    /** No one chose a language or zone: {@code of(id)} answers that, and so does {@code of(ids)} for each id. */
    final PreferenceService preferences = mock(PreferenceService.class, invocation -> {
        Class<?> type = invocation.getMethod().getReturnType();
        if (type == Preferences.class) {
            return new Preferences(null, null);
        }
        if (Map.class.isAssignableFrom(type) && invocation.getArguments().length == 1
                && invocation.getArgument(0) instanceof Collection<?> ids) {
            Map<Object, Preferences> each = new HashMap<>();
            ids.forEach(id -> each.put(id, new Preferences(null, null)));
            return each;
        }
        return Mockito.RETURNS_DEFAULTS.answer(invocation);
    });
    final MailOutbox outbox = mock(MailOutbox.class);
    final MovingClock clock = new MovingClock();
    final NotificationService service = new NotificationService(repository, mock(MemberService.class), preferences,
            currentUser, outbox, mock(MessageSource.class), clock, mock(JdbcTemplate.class));
    /** What the database holds for me. */
    final AtomicLong inDatabase = new AtomicLong(3);

    @BeforeEach
    void me() {
        ConsiliumUser user = mock(ConsiliumUser.class);
        when(user.personId()).thenReturn(ME);
        when(currentUser.require()).thenReturn(user);
        when(repository.countByPersonIdAndReadAtIsNull(ME)).thenAnswer(i -> inDatabase.get());
    }

    @Test
    void the_count_is_read_once_and_kept_while_nothing_changes_for_at_most_a_minute() {
        assertThat(service.unreadCount()).isEqualTo(3);
        inDatabase.set(4); // written behind the service's back
        clock.advance(Duration.ofSeconds(59));
        assertThat(service.unreadCount()).isEqualTo(3);
        verify(repository, times(1)).countByPersonIdAndReadAtIsNull(ME);
        clock.advance(Duration.ofSeconds(1));
        assertThat(service.unreadCount()).as("a minute later").isEqualTo(4);
        verify(repository, times(2)).countByPersonIdAndReadAtIsNull(ME);
    }

    @Test
    void a_notification_delivered_to_me_is_counted_at_my_next_navigation() {
        assertThat(service.unreadCount()).isEqualTo(3);
        inDatabase.set(4);
        service.notify(List.of(ME), null, "Something happened");
        assertThat(service.unreadCount()).isEqualTo(4);
        verify(repository, times(2)).countByPersonIdAndReadAtIsNull(ME);
    }

    @Test
    void a_notification_to_someone_else_keeps_my_count() {
        assertThat(service.unreadCount()).isEqualTo(3);
        service.notify(List.of(SOMEONE_ELSE), null, "Not for me");
        assertThat(service.unreadCount()).isEqualTo(3);
        verify(repository, times(1)).countByPersonIdAndReadAtIsNull(ME);
    }

    @Test
    void marking_all_read_clears_the_count() {
        assertThat(service.unreadCount()).isEqualTo(3);
        when(repository.markAllRead(eq(ME), any())).thenAnswer(i -> {
            inDatabase.set(0);
            return 3;
        });
        service.markAllRead();
        assertThat(service.unreadCount()).isZero();
    }

    @Test
    void a_delivery_counts_only_once_its_transaction_commits() {
        assertThat(service.unreadCount()).isEqualTo(3);
        TransactionSynchronizationManager.initSynchronization();
        try {
            service.notify(List.of(ME), null, "Something happened");
            inDatabase.set(4);
            assertThat(service.unreadCount()).as("before the commit").isEqualTo(3);
            TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(service.unreadCount()).as("after the commit").isEqualTo(4);
    }

    @Test
    void a_count_read_while_a_delivery_commits_is_not_kept() {
        // the database answers with the old count, and the delivery commits before the answer is kept
        AtomicLong reads = new AtomicLong();
        when(repository.countByPersonIdAndReadAtIsNull(ME)).thenAnswer(i -> {
            if (reads.incrementAndGet() > 1) {
                return inDatabase.get();
            }
            long before = inDatabase.get();
            inDatabase.set(4);
            service.notify(List.of(ME), null, "Something happened");
            return before;
        });
        assertThat(service.unreadCount()).isEqualTo(3);
        assertThat(service.unreadCount()).as("read again, not kept").isEqualTo(4);
        verify(repository, times(2)).countByPersonIdAndReadAtIsNull(anyLong());
    }
}
