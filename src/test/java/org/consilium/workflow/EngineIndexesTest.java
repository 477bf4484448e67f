package org.consilium.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's tasks are found by their parent task through an index (the engine looks for sub-tasks at every
 * completion), created at start-up and only once. On the embedded database; {@code EngineIndexesMariaDbIT} asks the
 * same of MariaDB.
 */
@SpringBootTest
class EngineIndexesTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    EngineIndexes indexes;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EngineTables tables;

    @Test
    void the_sub_task_lookup_reads_the_index_and_a_second_start_adds_none() throws Exception {
        assertThat(indexesOnParentTask()).containsExactly(EngineIndexes.PARENT_TASK_INDEX);
        assertThat(String.join("\n", jdbc.queryForList("EXPLAIN SELECT * FROM " + tables.task()
                + " WHERE PARENT_TASK_ID_ = 'a task'", String.class)))
                .as("H2's plan for the engine's sub-task lookup").contains(EngineIndexes.PARENT_TASK_INDEX);

        indexes.postProcessEngineBuild(engine);

        assertThat(indexesOnParentTask()).containsExactly(EngineIndexes.PARENT_TASK_INDEX);
    }

    /** The names of the indexes whose first column is the parent task, as the database describes them. */
    private List<String> indexesOnParentTask() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.getMetaData().getIndexInfo(connection.getCatalog(), connection.getSchema(),
                     tables.task(), false, true)) {
            while (rows.next()) {
                if (rows.getShort("ORDINAL_POSITION") == 1
                        && EngineIndexes.PARENT_TASK_COLUMN.equalsIgnoreCase(rows.getString("COLUMN_NAME"))) {
                    names.add(rows.getString("INDEX_NAME").toUpperCase(java.util.Locale.ROOT));
                }
            }
        }
        return names;
    }
}
