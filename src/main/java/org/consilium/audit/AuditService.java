package org.consilium.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.consilium.ui.Translations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff and administrators read the trail, export it and verify its chain. Reading never writes. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'ADMINISTRATOR')")
public class AuditService {

    private static final String COLUMNS = "seq, occurred_at, actor_id, actor_name, kind, record_type, record_id,"
            + " summary, reason, previous_hash, hash";
    private static final RowMapper<AuditEntry> ENTRY = AuditService::entry;

    private final JdbcTemplate jdbc;
    private final Translations translations;

    AuditService(JdbcTemplate jdbc, Translations translations) {
        this.jdbc = jdbc;
        this.translations = translations;
    }

    /** One page, newest first, filtered in the database. */
    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        Query q = where(filter);
        q.args.add(Math.max(1, Math.min(limit, 500)));
        q.args.add(Math.max(0, offset));
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_entry" + q.sql + " ORDER BY seq DESC LIMIT ? OFFSET ?",
                ENTRY, q.args.toArray());
    }

    public int count(AuditFilter filter) {
        Query q = where(filter);
        if (q.args.isEmpty()) {
            // The chain numbers its entries 1, 2, 3… without gaps (verify() checks it) and entries are never
            // deleted, so the head's last number is the count: one row, where COUNT(*) reads the whole trail.
            Long last = jdbc.queryForObject("SELECT last_seq FROM audit_chain_head WHERE id = 1", Long.class);
            return last == null ? 0 : Math.toIntExact(last);
        }
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry" + q.sql, Integer.class, q.args.toArray());
        return n == null ? 0 : n;
    }

    public List<String> kinds() {
        return jdbc.queryForList("SELECT DISTINCT kind FROM audit_entry ORDER BY kind", String.class);
    }

    /**
     * The filtered trail as CSV (RFC 4180), oldest first, streamed row by row. Its header and cells stay as stored,
     * in whatever language the user reads the screen: the file is data for other tools.
     */
    public void exportCsv(AuditFilter filter, Writer out) {
        Query q = where(filter);
        try {
            out.write("seq,occurred_at_utc,actor,kind,record_type,record,summary,reason,previous_hash,hash\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.query("SELECT " + COLUMNS + " FROM audit_entry" + q.sql + " ORDER BY seq", rs -> {
            AuditEntry e = entry(rs, 0);
            try {
                out.write(String.join(",", Long.toString(e.seq()), e.occurredAt().toString(), Csv.cell(e.actorName()),
                        Csv.cell(e.kind()), Csv.cell(e.recordType()), Csv.cell(e.recordId()), Csv.cell(e.summary()),
                        Csv.cell(e.reason()), e.previousHash(), e.hash()));
                out.write("\r\n");
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }, q.args.toArray());
    }

    /**
     * Walks the whole chain in order and reports the first entry that does not hold: altered (its hash
     * is not that of its content), removed (a number is missing, or the next entry's link points
     * elsewhere), inserted (a link that does not match the entry before it).
     */
    public AuditVerification verify() {
        long[] expected = {1};
        String[] previous = {AuditEntry.GENESIS};
        long[] checked = {0};
        AuditVerification[] broken = {null};
        jdbc.query("SELECT " + COLUMNS + " FROM audit_entry ORDER BY seq", rs -> {
            if (broken[0] != null) {
                return;
            }
            AuditEntry e = entry(rs, 0);
            if (e.seq() != expected[0]) {
                broken[0] = new AuditVerification(checked[0], expected[0], e.seq() > expected[0]
                        ? (e.seq() - 1 > expected[0]
                                ? translations.translate("audit.problem.missingRange", Long.toString(expected[0]),
                                        Long.toString(e.seq() - 1))
                                : translations.translate("audit.problem.missingOne", Long.toString(expected[0])))
                        : translations.translate("audit.problem.outOfOrder", Long.toString(e.seq())));
            } else if (!e.previousHash().equals(previous[0])) {
                broken[0] = new AuditVerification(checked[0], e.seq(), translations.translate("audit.problem.link"));
            } else if (!e.hash().equals(e.recomputedHash())) {
                broken[0] = new AuditVerification(checked[0], e.seq(), translations.translate("audit.problem.altered"));
            } else {
                checked[0]++;
                expected[0]++;
                previous[0] = e.hash();
            }
        });
        if (broken[0] != null) {
            return broken[0];
        }
        Long headSeq = jdbc.queryForObject("SELECT last_seq FROM audit_chain_head WHERE id = 1", Long.class);
        String headHash = jdbc.queryForObject("SELECT last_hash FROM audit_chain_head WHERE id = 1", String.class);
        if (headSeq == null || headSeq != expected[0] - 1 || !previous[0].equals(headHash)) {
            return new AuditVerification(checked[0], expected[0],
                    translations.translate("audit.problem.truncated", String.valueOf(headSeq)));
        }
        return new AuditVerification(checked[0], null, null);
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getObject("actor_id", Long.class), rs.getString("actor_name"), rs.getString("kind"),
                rs.getString("record_type"), rs.getString("record_id"), rs.getString("summary"),
                rs.getString("reason"), rs.getString("previous_hash"), rs.getString("hash"));
    }

    private static final class Query {
        final List<Object> args = new ArrayList<>();
        String sql = "";
    }

    private static Query where(AuditFilter f) {
        Query q = new Query();
        List<String> parts = new ArrayList<>();
        if (f.person() != null && !f.person().isBlank()) {
            parts.add("actor_name LIKE ?");
            q.args.add("%" + like(f.person().strip()) + "%");
        }
        if (f.record() != null && !f.record().isBlank()) {
            // Records are found by the start of their id (a reference, a username), which the index on record_id
            // serves; "contains" read the whole trail (17 s for one reference among 3.8 million entries).
            parts.add("record_id LIKE ?");
            q.args.add(like(f.record().strip()) + "%");
        }
        if (f.kind() != null && !f.kind().isBlank()) {
            parts.add("kind = ?");
            q.args.add(f.kind());
        }
        if (f.from() != null) {
            parts.add("occurred_at >= ?");
            q.args.add(LocalDateTime.ofInstant(f.from(), ZoneOffset.UTC));
        }
        if (f.to() != null) {
            parts.add("occurred_at < ?");
            q.args.add(LocalDateTime.ofInstant(f.to(), ZoneOffset.UTC));
        }
        q.sql = parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
        return q;
    }

    /** Escapes LIKE wildcards typed by the user, so that they match themselves. */
    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
