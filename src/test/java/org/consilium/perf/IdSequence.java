package org.consilium.perf;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** Ids for bulk rows, continuing after the highest id each table already holds. */
final class IdSequence {

    private final Map<String, Long> last = new HashMap<>();
    private final Connection connection;

    IdSequence(Connection connection) {
        this.connection = connection;
    }

    long next(String table) {
        long id = last.computeIfAbsent(table, this::highest) + 1;
        last.put(table, id);
        return id;
    }

    private long highest(String table) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(id) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** H2 does not move an identity column past explicitly inserted ids: restart each one after the last id. */
    void restartH2Identities() throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (var entry : last.entrySet()) {
                s.execute("ALTER TABLE " + entry.getKey() + " ALTER COLUMN id RESTART WITH " + (entry.getValue() + 1));
            }
        }
    }
}
