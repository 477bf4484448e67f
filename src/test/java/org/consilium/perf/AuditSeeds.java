package org.consilium.perf;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.consilium.audit.AuditChainSeeds;

/**
 * The audit entries of the generated history, collected as they are invented (out of time order) and
 * written at the end in time order, each hashed onto the one before it exactly as the portal does, so
 * that "Verify the chain" holds on the generated trail.
 */
final class AuditSeeds {

    private record Seed(long second, long order, Long actorId, String actorName, String kind, String recordType,
                        String recordId, String summary, String reason) {
    }

    private final List<Seed> seeds = new ArrayList<>();

    void add(Instant at, Long actorId, String actorName, String kind, String recordType, String recordId,
             String summary, String reason) {
        seeds.add(new Seed(at.getEpochSecond(), seeds.size(), actorId, actorName, kind, recordType, recordId,
                summary, reason));
    }

    int size() {
        return seeds.size();
    }

    /** Appends the entries after the chain's current head, oldest first, and moves the head. */
    long write(Connection connection, BulkInserter bulk) throws SQLException {
        seeds.sort(Comparator.comparingLong(Seed::second).thenComparingLong(Seed::order));
        long seq;
        String previous;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")) {
            rs.next();
            seq = rs.getLong(1);
            previous = rs.getString(2);
        }
        for (Seed e : seeds) {
            seq++;
            Instant at = Instant.ofEpochSecond(e.second());
            String hash = AuditChainSeeds.hash(seq, at, e.actorId(), e.actorName(), e.kind(), e.recordType(),
                    e.recordId(), e.summary(), e.reason(), previous);
            bulk.row("audit_entry", seq, at, e.actorId(), e.actorName(), e.kind(), e.recordType(), e.recordId(),
                    e.summary(), e.reason(), previous, hash);
            previous = hash;
            if (bulk.full()) {
                bulk.flush();
            }
            if (seq % 50_000 == 0) {
                bulk.flush();
                connection.commit();
            }
        }
        bulk.flush();
        try (var update = connection.prepareStatement(
                "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            update.setLong(1, seq);
            update.setString(2, previous);
            update.executeUpdate();
        }
        long written = seeds.size();
        seeds.clear();
        return written;
    }
}
