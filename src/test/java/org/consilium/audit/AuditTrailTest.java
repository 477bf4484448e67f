package org.consilium.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.consilium.SignIn;
import org.consilium.security.CurrentUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain on H2: appends in the caller's transaction (or not at all), stays intact under concurrent
 * appends, and its verification finds the first row that was altered, removed or inserted. Each tamper
 * is undone afterwards so that the shared test database keeps an intact trail.
 */
@SpringBootTest
class AuditTrailTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    CurrentUser currentUser;

    @BeforeEach
    void asAdministrator() {
        SignIn.asAdministrator();
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private long append(String summary) {
        transactions.executeWithoutResult(s -> trail.record(null, "tester", "TEST", "test", "T-1", summary, null));
        return jdbc.queryForObject("SELECT MAX(seq) FROM audit_entry", Long.class);
    }

    @Test
    void an_entry_commits_with_its_transaction_and_vanishes_with_its_rollback() {
        long before = audit.count(AuditFilter.none());
        transactions.executeWithoutResult(s -> {
            trail.record(null, "tester", "TEST", "test", "T-2", "rolled back", null);
            s.setRollbackOnly();
        });
        assertThat(audit.count(AuditFilter.none())).isEqualTo(before);
        append("kept <b>as text</b>, \"quoted\", =SUM(A1)");
        assertThat(audit.find(new AuditFilter(null, "T-1", "TEST", null, null), 0, 1)).singleElement()
                .satisfies(e -> {
                    assertThat(e.summary()).isEqualTo("kept <b>as text</b>, \"quoted\", =SUM(A1)");
                    assertThat(e.hash()).isEqualTo(e.recomputedHash());
                });
        assertThat(audit.verify().intact()).isTrue();
    }

    /**
     * A transaction's entries go in together before it commits; one nested in its own transaction (a refusal
     * recorded while the action itself fails) commits with that one, and the outer one's entries, in order,
     * vanish with the outer rollback.
     */
    @Test
    void entries_go_in_with_their_own_transaction_when_one_is_nested_in_another() {
        TransactionTemplate inner = new TransactionTemplate(transactions.getTransactionManager());
        inner.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transactions.executeWithoutResult(outer -> {
            trail.record(null, "tester", "TEST", "test", "T-OUTER", "outer 1", null);
            inner.executeWithoutResult(s -> trail.record(null, "tester", "TEST", "test", "T-INNER", "inner", null));
            trail.record(null, "tester", "TEST", "test", "T-OUTER", "outer 2", null);
            outer.setRollbackOnly();
        });
        assertThat(audit.find(new AuditFilter(null, "T-INNER", "TEST", null, null), 0, 5)).extracting("summary")
                .containsExactly("inner");
        assertThat(audit.find(new AuditFilter(null, "T-OUTER", "TEST", null, null), 0, 5)).isEmpty();

        transactions.executeWithoutResult(s -> {
            trail.record(null, "tester", "TEST", "test", "T-BATCH", "first", null);
            trail.record(null, "tester", "TEST", "test", "T-BATCH", "second", null);
            trail.record(null, "tester", "TEST", "test", "T-BATCH", "third", null);
        });
        assertThat(audit.find(new AuditFilter(null, "T-BATCH", "TEST", null, null), 0, 5)).extracting("summary")
                .containsExactlyInAnyOrder("first", "second", "third");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void concurrent_appends_keep_one_gap_free_chain() throws Exception {
        long before = jdbc.queryForObject("SELECT last_seq FROM audit_chain_head", Long.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Object>> work = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            work.add(() -> {
                append("concurrent " + n);
                return null;
            });
        }
        for (Future<Object> f : pool.invokeAll(work)) {
            f.get();
        }
        pool.shutdown();
        assertThat(jdbc.queryForObject("SELECT last_seq FROM audit_chain_head", Long.class)).isEqualTo(before + 40);
        AuditVerification result = audit.verify();
        assertThat(result.intact()).as(result.message()).isTrue();
        assertThat(result.entriesChecked()).isGreaterThanOrEqualTo(before + 40);
    }

    /**
     * An append chains onto the head this node last wrote (one statement fewer). When another node appended since,
     * or the transaction that wrote that head rolled back after its append, the head is read first: the chain
     * stays gap-free and intact.
     */
    @Test
    void an_append_after_another_node_or_a_rolled_back_one_chains_on_the_last_committed_entry() {
        long first = append("this node");
        AuditTrail otherNode = new AuditTrail(jdbc, currentUser, Clock.systemUTC(), transactions.getTransactionManager());
        otherNode.record(null, "tester", "TEST", "test", "T-NODE", "appended by another node", null);
        long second = append("this node, after the other");
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            trail.record(null, "tester", "TEST", "test", "T-LOST", "appended, then rolled back", null);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    throw new IllegalStateException("a failure after the audit's append");
                }
            });
        })).hasMessage("a failure after the audit's append");
        long third = append("this node, after the rollback");

        assertThat(second).isEqualTo(first + 2);
        assertThat(third).isEqualTo(second + 1);
        assertThat(audit.find(new AuditFilter(null, "T-LOST", "TEST", null, null), 0, 5)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT last_seq FROM audit_chain_head", Long.class)).isEqualTo(third);
        AuditVerification result = audit.verify();
        assertThat(result.intact()).as(result.message()).isTrue();
    }

    @Test
    void an_altered_row_is_found_at_that_row() {
        long seq = append("original");
        append("after it");
        jdbc.update("UPDATE audit_entry SET summary = 'forged' WHERE seq = ?", seq);
        try {
            AuditVerification result = audit.verify();
            assertThat(result.brokenAt()).isEqualTo(seq);
            assertThat(result.problem()).contains("altered");
        } finally {
            jdbc.update("UPDATE audit_entry SET summary = 'original' WHERE seq = ?", seq);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void a_removed_row_is_found_where_it_was() {
        long seq = append("to be removed");
        append("after it");
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_entry WHERE seq = ?", seq);
        jdbc.update("DELETE FROM audit_entry WHERE seq = ?", seq);
        try {
            AuditVerification result = audit.verify();
            assertThat(result.brokenAt()).isEqualTo(seq);
            assertThat(result.problem()).contains("missing");
        } finally {
            reinsert(row);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void removing_the_last_rows_is_found_against_the_head() {
        long seq = append("the last one");
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_entry WHERE seq = ?", seq);
        jdbc.update("DELETE FROM audit_entry WHERE seq = ?", seq);
        try {
            AuditVerification result = audit.verify();
            assertThat(result.brokenAt()).isEqualTo(seq);
            assertThat(result.problem()).contains("removed");
        } finally {
            reinsert(row);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void an_inserted_row_is_found_at_the_insertion() {
        long seq = append("before the forgery");
        long next = append("after the forgery");
        // Make room and insert a forged entry with a plausible hash of its own.
        jdbc.update("UPDATE audit_entry SET seq = seq + 1000000 WHERE seq = ?", next);
        String forgedHash = AuditEntry.hashOf(next, java.time.Instant.parse("2026-01-01T00:00:00Z"), null, "forger",
                "TEST", "test", "T-1", "forged", null, "f".repeat(64));
        jdbc.update("INSERT INTO audit_entry (seq, occurred_at, actor_id, actor_name, kind, record_type, record_id,"
                + " summary, reason, previous_hash, hash) VALUES (?, ?, NULL, 'forger', 'TEST', 'test', 'T-1', 'forged',"
                + " NULL, ?, ?)", next, java.time.LocalDateTime.of(2026, 1, 1, 0, 0), "f".repeat(64), forgedHash);
        try {
            AuditVerification result = audit.verify();
            assertThat(result.brokenAt()).isEqualTo(next);
            assertThat(result.problem()).contains("link does not match");
        } finally {
            jdbc.update("DELETE FROM audit_entry WHERE seq = ? AND actor_name = 'forger'", next);
            jdbc.update("UPDATE audit_entry SET seq = seq - 1000000 WHERE seq = ?", next + 1000000);
        }
        assertThat(audit.verify().intact()).as("seq " + seq).isTrue();
    }

    @Test
    void the_csv_export_quotes_text_and_defuses_formulas() {
        append("a, b \"c\"\nd");
        append("=HYPERLINK(\"http://evil\")");
        StringWriter csv = new StringWriter();
        audit.exportCsv(new AuditFilter("tester", "T-1", "TEST", null, null), csv);
        assertThat(csv.toString()).startsWith("seq,occurred_at_utc,actor,kind")
                .contains("\"a, b \"\"c\"\"\nd\"").contains("\"'=HYPERLINK(\"\"http://evil\"\")\"")
                .doesNotContain(",=HYPERLINK");
    }

    @Test
    void only_staff_and_administrators_read_the_trail() {
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated("someone", null, org.springframework.security.core.authority.AuthorityUtils
                        .createAuthorityList("ROLE_RESEARCHER")));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        assertThatThrownBy(() -> audit.find(AuditFilter.none(), 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(audit::verify).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.exportCsv(AuditFilter.none(), new StringWriter()))
                .isInstanceOf(AccessDeniedException.class);
    }

    private void reinsert(Map<String, Object> row) {
        jdbc.update("INSERT INTO audit_entry (seq, occurred_at, actor_id, actor_name, kind, record_type, record_id,"
                        + " summary, reason, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("SEQ"), row.get("OCCURRED_AT"), row.get("ACTOR_ID"), row.get("ACTOR_NAME"), row.get("KIND"),
                row.get("RECORD_TYPE"), row.get("RECORD_ID"), row.get("SUMMARY"), row.get("REASON"),
                row.get("PREVIOUS_HASH"), row.get("HASH"));
    }
}
