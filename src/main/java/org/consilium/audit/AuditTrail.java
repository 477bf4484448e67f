package org.consilium.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.consilium.security.ConsiliumUser;
import org.consilium.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to the audit trail. Inside a transaction that changes something, the entry is written just
 * before that transaction commits, by the same connection: it commits or rolls back with the change.
 * Outside one (a sign-in, a download), it is written in a transaction of its own.
 *
 * <p>The chain's head row is locked for the append, after the transaction's own changes are flushed,
 * so it is always the last lock a transaction takes: audited transactions queue only for the moment of
 * their commit, and cannot deadlock on it.
 */
@Component
public class AuditTrail {

    private static final String INSERT = "INSERT INTO audit_entry (seq, occurred_at, actor_id, actor_name, kind,"
            + " record_type, record_id, summary, reason, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final int SUMMARY_MAX = 1_000;
    private static final int REASON_MAX = 4_000;

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    /** The head as this node last wrote it (committed or not): where its next append first tries to chain on. */
    private final AtomicReference<Head> lastWritten = new AtomicReference<>();

    @PersistenceContext
    private EntityManager entityManager;

    AuditTrail(JdbcTemplate jdbc, CurrentUser currentUser, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What happened, by the signed-in person (or the workflow when nobody is signed in). */
    public void record(String kind, String recordType, String recordId, String summary, String reason) {
        ConsiliumUser user = currentUser.find().orElse(null);
        if (user != null) {
            record(user.personId(), user.getUsername(), kind, recordType, recordId, summary, reason);
        } else {
            Authentication other = SecurityContextHolder.getContext().getAuthentication();
            record(null, other != null && other.isAuthenticated() ? other.getName() : "Consilium workflow", kind,
                    recordType, recordId, summary, reason);
        }
    }

    /** What happened, by someone who is not (or not yet) signed in, such as a failed sign-in. */
    public void record(Long actorId, String actorName, String kind, String recordType, String recordId,
                       String summary, String reason) {
        // Whole seconds: MySQL Connector/J drops fractions on MariaDB (it reads its version as 5.5.5), and the
        // hash must be recomputable from what the database kept. The sequence number orders entries.
        Pending entry = new Pending(clock.instant().truncatedTo(ChronoUnit.SECONDS), actorId,
                cut(actorName == null ? "anonymous" : actorName, 200), kind, recordType,
                recordId == null ? null : cut(recordId, 100), cut(summary, SUMMARY_MAX), blankToNull(cut(reason, REASON_MAX)));
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            batchOfThisTransaction().add(entry);
        } else {
            ownTransaction.executeWithoutResult(status -> append(List.of(entry)));
        }
    }

    /**
     * The entries this transaction has recorded so far, appended together just before it commits: the chain's
     * head is locked, read and written once per transaction, however many entries it has. Found among the
     * transaction's synchronizations, which Spring keeps per transaction (a REQUIRES_NEW one has its own).
     */
    private AppendBeforeCommit batchOfThisTransaction() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof AppendBeforeCommit batch && batch.trail() == this) {
                return batch;
            }
        }
        AppendBeforeCommit batch = new AppendBeforeCommit();
        TransactionSynchronizationManager.registerSynchronization(batch);
        return batch;
    }

    private final class AppendBeforeCommit implements TransactionSynchronization {
        private final List<Pending> entries = new java.util.ArrayList<>();
        private boolean appended;

        AuditTrail trail() {
            return AuditTrail.this;
        }

        void add(Pending entry) {
            if (appended) {
                // recorded while the transaction commits, after its batch went in: appended at once, still inside it
                append(List.of(entry));
            } else {
                entries.add(entry);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            entityManager.flush();
            append(entries);
            appended = true;
        }
    }

    private record Pending(Instant occurredAt, Long actorId, String actorName, String kind, String recordType,
                           String recordId, String summary, String reason) {
    }

    private record Head(long seq, String hash) {
    }

    /** Entries chained onto a head: their rows, and the head they make. */
    private record Chained(List<Object[]> rows, Head head) {
    }

    /**
     * Appends after the head this node last wrote: the update moves the head only if it is still that one, and
     * locks the head row as it does, so nobody appends in between (two statements). If another transaction or node
     * moved it since, or the one that wrote it rolled back, the update changes nothing: the head is then locked and
     * read first, as every append did before (three statements). A lock waited for reads the last committed head.
     */
    private void append(List<Pending> entries) {
        Head known = lastWritten.get();
        if (known != null) {
            Chained chained = chain(known, entries);
            if (jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1 AND last_seq = ?"
                    + " AND last_hash = ?", chained.head().seq(), chained.head().hash(), known.seq(), known.hash()) == 1) {
                insert(chained);
                return;
            }
        }
        Head head = jdbc.queryForObject("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE",
                (rs, n) -> new Head(rs.getLong(1), rs.getString(2)));
        Chained chained = chain(head, entries);
        jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1", chained.head().seq(),
                chained.head().hash());
        insert(chained);
    }

    private static Chained chain(Head head, List<Pending> entries) {
        long seq = head.seq();
        String previous = head.hash();
        List<Object[]> rows = new java.util.ArrayList<>(entries.size());
        for (Pending e : entries) {
            seq++;
            String hash = AuditEntry.hashOf(seq, e.occurredAt(), e.actorId(), e.actorName(), e.kind(), e.recordType(),
                    e.recordId(), e.summary(), e.reason(), previous);
            rows.add(new Object[] {seq, LocalDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC), e.actorId(),
                    e.actorName(), e.kind(), e.recordType(), e.recordId(), e.summary(), e.reason(), previous, hash});
            previous = hash;
        }
        return new Chained(rows, new Head(seq, previous));
    }

    private void insert(Chained chained) {
        if (chained.rows().size() == 1) {
            jdbc.update(INSERT, chained.rows().get(0));
        } else {
            jdbc.batchUpdate(INSERT, chained.rows());
        }
        lastWritten.set(chained.head());
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
