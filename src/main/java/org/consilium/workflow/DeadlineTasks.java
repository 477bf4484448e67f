package org.consilium.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open tasks of every proposal by due date, for the staff cockpit: how many are overdue or due soon per
 * step, and the tasks themselves, paged, filtered and sorted by the engine's database. Reading never changes
 * a task.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'ADMINISTRATOR')")
public class DeadlineTasks {

    /** Which open tasks: due in [dueFrom, dueBefore) (either end open when null), of a step, of a proposal. */
    public record Criteria(Instant dueFrom, Instant dueBefore, String step, String reference) {

        public static Criteria all() {
            return new Criteria(null, null, null, null);
        }
    }

    /** The order of a task list. */
    public enum Order { DUE, CREATED, NAME, ASSIGNEE }

    /** An open task with its proposal's reference and to whom it is offered when nobody holds it. */
    public record DeadlineTask(String taskId, String name, String step, String reference, Instant created,
                               Instant due, String assignee, String candidateGroup) {
    }

    /** Per step: open tasks overdue at a moment, and due from then until the end of the "soon" window. */
    public record StepCount(String step, long overdue, long dueSoon) {
    }

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final NamedParameterJdbcTemplate jdbc;
    private final EngineTables tables;

    DeadlineTasks(TaskService tasks, RuntimeService runtime, NamedParameterJdbcTemplate jdbc, EngineTables tables) {
        this.tables = tables;
        this.tasks = tasks;
        this.runtime = runtime;
        this.jdbc = jdbc;
    }

    /**
     * Overdue (due before {@code now}) and due soon (due from {@code now} until {@code soonEnd}) per step, in one
     * query on the engine's task table: the engine's API would need two counts per step.
     */
    public List<StepCount> countByStep(Instant now, Instant soonEnd) {
        MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(now))
                .addValue("soonEnd", Timestamp.from(soonEnd)).addValue("key", ProposalLifecycle.PROCESS_KEY);
        return jdbc.query("""
                SELECT t.TASK_DEF_KEY_ AS step,
                       SUM(CASE WHEN t.DUE_DATE_ < :now THEN 1 ELSE 0 END) AS overdue,
                       SUM(CASE WHEN t.DUE_DATE_ >= :now THEN 1 ELSE 0 END) AS soon
                FROM %s t JOIN %s d ON d.ID_ = t.PROC_DEF_ID_
                WHERE d.KEY_ = :key AND t.SUSPENSION_STATE_ = 1 AND t.DUE_DATE_ < :soonEnd
                GROUP BY t.TASK_DEF_KEY_ ORDER BY t.TASK_DEF_KEY_""".formatted(tables.task(), tables.processDefinition()),
                params,
                (rs, i) -> new StepCount(rs.getString("step"), rs.getLong("overdue"), rs.getLong("soon")));
    }

    public long count(Criteria criteria) {
        return query(criteria).count();
    }

    public List<DeadlineTask> find(Criteria criteria, Order order, boolean ascending, int offset, int limit) {
        TaskQuery query = query(criteria);
        switch (order) {
            case DUE -> query.orderByDueDate();
            case CREATED -> query.orderByTaskCreateTime();
            case NAME -> query.orderByTaskName();
            case ASSIGNEE -> query.orderByTaskAssignee();
        }
        if (ascending) {
            query.asc();
        } else {
            query.desc();
        }
        List<Task> page = query.orderByTaskId().asc().listPage(Math.max(0, offset), Math.max(1, Math.min(limit, 500)));
        if (page.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = page.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> references = runtime.createProcessInstanceQuery()
                .processInstanceIds(instanceIds).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, p -> p.getBusinessKey() == null ? "" : p.getBusinessKey()));
        Map<String, String> groups = candidateGroups(page.stream().map(Task::getId).toList());
        return page.stream().map(t -> new DeadlineTask(t.getId(), t.getName(), t.getTaskDefinitionKey(),
                references.get(t.getProcessInstanceId()), instant(t.getCreateTime()), instant(t.getDueDate()),
                t.getAssignee(), groups.get(t.getId()))).toList();
    }

    /** The first candidate group of each task, in one query for the page. */
    private Map<String, String> candidateGroups(List<String> taskIds) {
        Map<String, String> groups = new HashMap<>();
        jdbc.query("SELECT TASK_ID_, GROUP_ID_ FROM " + tables.identityLink() + " WHERE TASK_ID_ IN (:ids)"
                        + " AND TYPE_ = 'candidate' AND GROUP_ID_ IS NOT NULL ORDER BY GROUP_ID_",
                new MapSqlParameterSource("ids", taskIds),
                rs -> {
                    groups.putIfAbsent(rs.getString(1), rs.getString(2));
                });
        return groups;
    }

    private TaskQuery query(Criteria criteria) {
        TaskQuery query = tasks.createTaskQuery().processDefinitionKey(ProposalLifecycle.PROCESS_KEY).active();
        if (criteria.dueFrom() != null) {
            // The engine's dueAfter is strict: one millisecond earlier makes the start inclusive.
            query.dueAfter(new Date(criteria.dueFrom().toEpochMilli() - 1));
        }
        if (criteria.dueBefore() != null) {
            query.dueBefore(Date.from(criteria.dueBefore()));
        }
        if (criteria.step() != null && !criteria.step().isBlank()) {
            query.taskDefinitionKey(criteria.step());
        }
        if (criteria.reference() != null && !criteria.reference().isBlank()) {
            query.processInstanceBusinessKeyLike("%" + criteria.reference().strip()
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return query;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
