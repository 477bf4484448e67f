package org.consilium.perf;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JDBC batch inserts into several tables at once. Tables are flushed in the order they were declared,
 * so that a row is always written after the rows its foreign keys point at; the caller commits.
 */
final class BulkInserter implements AutoCloseable {

    private static final int BATCH = 1_000;

    private final Connection connection;
    private final Map<String, Table> tables = new LinkedHashMap<>();

    private static final class Table {
        final PreparedStatement insert;
        final int columns;
        int pending;
        long written;

        Table(PreparedStatement insert, int columns) {
            this.insert = insert;
            this.columns = columns;
        }
    }

    BulkInserter(Connection connection) {
        this.connection = connection;
    }

    /** Declares a table; declare parents before children. */
    BulkInserter table(String name, String... columns) throws SQLException {
        String sql = "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                + "?, ".repeat(columns.length - 1) + "?)";
        tables.put(name, new Table(connection.prepareStatement(sql), columns.length));
        return this;
    }

    /** Adds one row; instants are written as UTC date-times, as the portal writes them. */
    void row(String name, Object... values) {
        Table table = tables.get(name);
        if (table == null || values.length != table.columns) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for " + (table == null ? 0
                    : table.columns) + " columns");
        }
        try {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i] instanceof Instant instant
                        ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : values[i];
                table.insert.setObject(i + 1, value);
            }
            table.insert.addBatch();
            table.pending++;
            table.written++;
        } catch (SQLException e) {
            throw new IllegalStateException("Insert into " + name + " failed", e);
        }
    }

    /** Whether any table holds a full batch: the caller then flushes all of them, in order. */
    boolean full() {
        return tables.values().stream().anyMatch(t -> t.pending >= BATCH);
    }

    void flush() {
        tables.forEach((name, table) -> {
            if (table.pending > 0) {
                try {
                    table.insert.executeBatch();
                    table.pending = 0;
                } catch (SQLException e) {
                    throw new IllegalStateException("Batch insert into " + name + " failed", e);
                }
            }
        });
    }

    /** Rows added per table so far. */
    Map<String, Long> written() {
        Map<String, Long> counts = new LinkedHashMap<>();
        tables.forEach((name, table) -> counts.put(name, table.written));
        return counts;
    }

    @Override
    public void close() throws SQLException {
        for (Table table : tables.values()) {
            table.insert.close();
        }
    }
}
