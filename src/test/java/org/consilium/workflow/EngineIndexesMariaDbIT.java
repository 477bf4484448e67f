package org.consilium.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.consilium.Suites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On MariaDB with the production 'mysql' profile: the engine's sub-task lookup, made at every completion, reads the
 * index the portal adds instead of every open task; a second start adds none.
 */
@ExtendWith(Suites.MariaDb.class)
@SpringBootTest
@ActiveProfiles("mysql")
class EngineIndexesMariaDbIT {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        Suites.useMariaDb(registry);
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    EngineIndexes indexes;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EngineTables tables;

    @Test
    void the_sub_task_lookup_reads_the_index_and_a_second_start_adds_none() {
        assertThat(indexesOnParentTask()).containsExactly(EngineIndexes.PARENT_TASK_INDEX);
        Map<String, Object> plan = jdbc.queryForMap("EXPLAIN SELECT * FROM " + tables.task()
                + " WHERE PARENT_TASK_ID_ = 'a task'");
        assertThat(plan.get("key")).as("MariaDB's plan: " + plan).isEqualTo(EngineIndexes.PARENT_TASK_INDEX);

        indexes.postProcessEngineBuild(engine);

        assertThat(indexesOnParentTask()).containsExactly(EngineIndexes.PARENT_TASK_INDEX);
    }

    private List<String> indexesOnParentTask() {
        return jdbc.queryForList("SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = ? AND COLUMN_NAME = ? AND SEQ_IN_INDEX = 1", String.class, tables.task(),
                EngineIndexes.PARENT_TASK_COLUMN);
    }
}
