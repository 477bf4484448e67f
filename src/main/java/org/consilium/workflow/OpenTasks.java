package org.consilium.workflow;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.consilium.security.CurrentUser;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's tasks as the task services use them: an open task of given steps that the signed-in
 * person may act on (or {@link TaskGone}), its proposal, and completing it with a decision.
 */
@Component
class OpenTasks {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final EngineTables tables;
    private final CurrentUser currentUser;
    private final NamedParameterJdbcTemplate jdbc;

    OpenTasks(TaskService tasks, RuntimeService runtime, EngineTables tables, CurrentUser currentUser,
              NamedParameterJdbcTemplate jdbc) {
        this.tables = tables;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.runtime = runtime;
        this.currentUser = currentUser;
    }

    /** The task if it is open (not suspended) at one of these steps and not held by someone else. */
    Task open(String taskId, String... steps) {
        Task task = taskId == null ? null : byId(taskId);
        if (task == null || task.isSuspended() || !java.util.Arrays.asList(steps).contains(task.getTaskDefinitionKey())
                || (task.getAssignee() != null && !task.getAssignee().equals(currentUser.require().getUsername()))) {
            throw new TaskGone();
        }
        return task;
    }

    /**
     * One task by its id, as a primary-key read. Each screen action asks for its task; the engine's task query
     * would build its generic statement (a join over the executions, hundreds of optional conditions evaluated
     * by MyBatis) to find one row: that was a sixth of the driver's CPU in the lifecycle benchmark outside bcrypt.
     */
    private Task byId(String taskId) {
        return tasks.createNativeTaskQuery().sql("SELECT * FROM " + tables.task() + " WHERE ID_ = #{taskId}")
                .parameter("taskId", taskId).singleResult();
    }

    /**
     * The proposal a task is about: one query for the variable where the process keeps it. Asking the task's
     * execution instead walks up every scope in between, two statements per scope (a vote is four scopes deep).
     * Remembered per task: a task never changes proposal, and its screen asks at each of its actions.
     */
    Long proposalId(Task task) {
        return remembered(task, task.getProcessInstanceId(), ProposalLifecycle.PROPOSAL_ID);
    }

    /**
     * A numeric variable of the task's own execution that is fixed when the task is created, such as the
     * organisation a vote is for; one query, then remembered per task.
     */
    Long localNumber(Task task, String name) {
        return remembered(task, task.getExecutionId(), name);
    }

    private Long remembered(Task task, String executionId, String name) {
        Key key = new Key(task.getId(), name);
        Long known = about.get(key);
        if (known == null) {
            // read outside the map's lock: two threads may both read it, and both read the same value
            known = number(task, executionId, name);
            about.put(key, known);
        }
        return known;
    }

    /**
     * The proposal of a task and a variable of its own execution, with one query for both where a task screen
     * needs both (a vote: its proposal and its organisation); then remembered as {@link #proposalId} does.
     */
    long[] proposalIdAnd(Task task, String localName) {
        Long proposalId = about.get(new Key(task.getId(), ProposalLifecycle.PROPOSAL_ID));
        Long local = about.get(new Key(task.getId(), localName));
        if (proposalId == null || local == null) {
            for (Numeric v : numbers(List.of(task.getExecutionId(), task.getProcessInstanceId()),
                    List.of(ProposalLifecycle.PROPOSAL_ID, localName))) {
                if (v.name().equals(localName) && v.executionId().equals(task.getExecutionId())) {
                    about.put(new Key(task.getId(), localName), v.value());
                } else if (v.name().equals(ProposalLifecycle.PROPOSAL_ID)
                        && v.executionId().equals(task.getProcessInstanceId())) {
                    about.put(new Key(task.getId(), ProposalLifecycle.PROPOSAL_ID), v.value());
                }
            }
            // anything not where expected: the lookups one by one, with their fallback through the scopes
            proposalId = proposalId(task);
            local = localNumber(task, localName);
        }
        return new long[] {proposalId, local};
    }

    private record Key(String taskId, String variable) {
    }

    /**
     * What tasks are about, by task id: set when the engine creates a task and never changed, so a value read
     * once stays true (a task whose creation rolled back is never asked for again). The newest 20,000 are kept.
     */
    private final java.util.Map<Key, Long> about = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1_024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Key, Long> eldest) {
                    return size() > 20_000;
                }
            });

    private Long number(Task task, String executionId, String name) {
        List<Numeric> found = numbers(List.of(executionId), List.of(name));
        // Not where expected (a process shaped otherwise): the engine's own lookup through the scopes.
        return found.size() == 1 ? found.get(0).value()
                : ((Number) runtime.getVariable(task.getExecutionId(), name)).longValue();
    }

    /** A whole-number variable as the engine stores it (long, integer and short in one column). */
    private record Numeric(String name, String executionId, long value) {
    }

    /**
     * The whole-number variables of these names held by these executions, read from the engine's table: the same
     * rows as its variable query, without building that query's generic statement (MyBatis evaluates its hundreds
     * of optional conditions at every call) and without deserialising anything.
     */
    private List<Numeric> numbers(List<String> executionIds, List<String> names) {
        return jdbc.query("SELECT NAME_, EXECUTION_ID_, LONG_ FROM " + tables.variable()
                        + " WHERE EXECUTION_ID_ IN (:executions) AND NAME_ IN (:names)"
                        + " AND TYPE_ IN ('long', 'integer', 'short') AND LONG_ IS NOT NULL",
                Map.of("executions", executionIds, "names", names),
                (rs, i) -> new Numeric(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    /**
     * Whether the task is offered to this group: one read of the engine's identity links by their indexed task id,
     * where the engine's {@code getIdentityLinksForTask} loads the task, its execution and its process definition
     * first.
     */
    boolean offeredTo(Task task, String group) {
        Integer links = jdbc.queryForObject("SELECT COUNT(*) FROM " + tables.identityLink()
                        + " WHERE TASK_ID_ = :task AND TYPE_ = 'candidate' AND GROUP_ID_ = :group",
                Map.of("task", task.getId(), "group", group), Integer.class);
        return links != null && links > 0;
    }

    /** Completes the task, passing the decision (if any) as a transient variable. */
    void complete(Task task, String decision) {
        try {
            tasks.complete(task.getId(), decision == null ? Variables.createVariables()
                    : Variables.createVariables().putValueTyped(ProposalLifecycle.DECISION,
                    Variables.stringValue(decision, true)));
        } catch (OptimisticLockingException concurrent) {
            // Someone completed it, or moved the process, at the same moment: this decision rolls back.
            throw new TaskGone();
        }
    }
}
