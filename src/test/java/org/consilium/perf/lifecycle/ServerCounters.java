package org.consilium.perf.lifecycle;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * What MariaDB itself received, from its global status counters, read on a connection of its own: every round trip
 * (Questions), including what Connector/J sends for {@code setAutoCommit} and {@code setReadOnly}, which a
 * statement-counting DataSource never sees. Only meaningful while nothing else talks to the server.
 */
final class ServerCounters implements AutoCloseable {

    /** The counters read, in the order of the report's columns. */
    private static final String[] NAMES = {"Questions", "Com_select", "Com_insert", "Com_update", "Com_delete",
            "Com_set_option", "Com_commit", "Com_rollback"};

    record Snapshot(long[] values) {
    }

    /** Counter increases over a step, the reading's own statements taken off. */
    record Delta(long[] values) {
        static final String HEADER = "round trips at the server | select | insert | update | delete | SET | commit"
                + " | rollback";
        static final String ALIGNMENT = "---:|---:|---:|---:|---:|---:|---:|---:|";

        Delta plus(Delta other) {
            long[] sum = values.clone();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += other.values[i];
            }
            return new Delta(sum);
        }

        String cells() {
            StringBuilder out = new StringBuilder();
            for (long v : values) {
                out.append(out.isEmpty() ? "" : " | ").append(v);
            }
            return out.toString();
        }
    }

    private final Connection connection;
    /** What one reading itself adds to the counters (the SHOW statement is a question too). */
    private final long[] ownCost;

    ServerCounters(Environment environment) {
        try {
            connection = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                    environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"));
            Snapshot first = snapshot();
            ownCost = difference(snapshot(), first);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Snapshot snapshot() {
        Map<String, Long> read = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery("SHOW GLOBAL STATUS WHERE"
                + " Variable_name IN ('" + String.join("','", NAMES) + "')")) {
            while (rows.next()) {
                read.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long[] values = new long[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            values[i] = read.getOrDefault(NAMES[i], 0L);
        }
        return new Snapshot(values);
    }

    Delta since(Snapshot before) {
        long[] d = difference(snapshot(), before);
        for (int i = 0; i < d.length; i++) {
            d[i] -= ownCost[i];
        }
        return new Delta(d);
    }

    private static long[] difference(Snapshot after, Snapshot before) {
        long[] d = new long[NAMES.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = after.values()[i] - before.values()[i];
        }
        return d;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
