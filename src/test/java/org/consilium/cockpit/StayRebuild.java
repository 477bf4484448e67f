package org.consilium.cockpit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * For generators that write timelines straight into the tables, around the services: the stays in stages of every
 * proposal that has none yet, from its whole timeline ({@link StageSql#REBUILD}, the same as V15's backfill).
 */
public final class StayRebuild {

    private StayRebuild() {
    }

    /** Returns how many stays were written. */
    public static long run(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            return s.executeUpdate(StageSql.REBUILD);
        }
    }
}
