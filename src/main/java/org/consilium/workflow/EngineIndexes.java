package org.consilium.workflow;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The index the engine's own schema lacks: open tasks by their parent task. The engine looks for a task's sub-tasks
 * each time it completes a task ({@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}), and without an index
 * that reads every open task of every proposal, once per vote, check or signature: 3.1 ms at 3,500 open tasks, and
 * more as the foundation's work grows (docs/performance.md, UI "Seventeenth session"; Camunda's issue
 * camunda/camunda#36824). Created once, after the engine has created or updated its tables, on every database the
 * portal runs on; left alone where an index on that column exists, whatever its name.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    static final String PARENT_TASK_INDEX = "CONS_IDX_TASK_PARENT";
    static final String PARENT_TASK_COLUMN = "PARENT_TASK_ID_";

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
        String table = engine.getManagementService().getTableName(TaskEntity.class);
        try (Connection connection = dataSource.getConnection()) {
            if (!indexed(connection, table, PARENT_TASK_COLUMN)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE INDEX " + PARENT_TASK_INDEX + " ON " + table + " (" + PARENT_TASK_COLUMN + ")");
                }
                log.info("Created index {} on {} ({})", PARENT_TASK_INDEX, table, PARENT_TASK_COLUMN);
            }
        } catch (SQLException e) {
            // Without the right to change the schema the portal still works, only each completion reads more.
            log.warn("Could not create index {} on {} ({}): {}", PARENT_TASK_INDEX, table, PARENT_TASK_COLUMN,
                    e.getMessage());
        }
    }

    /** Whether an index of the table starts with the column (names compared as the database stores them). */
    static boolean indexed(Connection connection, String table, String column) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        int dot = table.lastIndexOf('.');
        String schema = dot < 0 ? connection.getSchema() : table.substring(0, dot);
        String name = dot < 0 ? table : table.substring(dot + 1);
        if (metadata.storesUpperCaseIdentifiers()) {
            name = name.toUpperCase(java.util.Locale.ROOT);
        } else if (metadata.storesLowerCaseIdentifiers()) {
            name = name.toLowerCase(java.util.Locale.ROOT);
        }
        try (ResultSet indexes = metadata.getIndexInfo(connection.getCatalog(), schema, name, false, true)) {
            while (indexes.next()) {
                if (indexes.getShort("ORDINAL_POSITION") == 1 && column.equalsIgnoreCase(indexes.getString("COLUMN_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
