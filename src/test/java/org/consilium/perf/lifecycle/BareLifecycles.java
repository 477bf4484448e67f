package org.consilium.perf.lifecycle;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.consilium.workflow.ProposalLifecycle;
import org.springframework.context.ApplicationContext;

/**
 * A control: a process without portal code deployed into the portal's engine, on the same database, driven with
 * {@code TaskService.complete} in the order the portal's lifecycle takes, each task found by a query first as the
 * portal's steps find theirs, and each decision passed as the portal passes it (a transient variable). Two
 * controls: {@link #tasksOnly} ({@code perf/bare-lifecycle.bpmn}: the same user tasks, timers and candidate groups,
 * nothing else) and {@link #sameShape} (the portal's own process without its calls into the portal:
 * {@link SameShapeProcess}).
 */
final class BareLifecycles {

    private final String processKey;
    private final Map<String, Object> startVariables;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    private BareLifecycles(ApplicationContext context, String processKey, Map<String, Object> startVariables) {
        this.processKey = processKey;
        this.startVariables = startVariables;
        runtime = context.getBean(RuntimeService.class);
        tasks = context.getBean(TaskService.class);
        history = context.getBean(HistoryService.class);
    }

    /** The user tasks, timers and candidate groups of the portal's process, nothing else. */
    static BareLifecycles tasksOnly(ApplicationContext context) {
        context.getBean(RepositoryService.class).createDeployment().name("lifecycle benchmark control: tasks only")
                .addClasspathResource("perf/bare-lifecycle.bpmn").enableDuplicateFiltering(true).deploy();
        return new BareLifecycles(context, "bare-lifecycle", Map.of("organisations",
                PortalLifecycles.PATIENT_ORGANISATIONS));
    }

    /** The portal's process itself, its calls into the portal replaced by constants. */
    static BareLifecycles sameShape(ApplicationContext context) {
        context.getBean(RepositoryService.class).createDeployment().name("lifecycle benchmark control: same shape")
                .addModelInstance(SameShapeProcess.PROCESS_KEY + ".bpmn", SameShapeProcess.model())
                .enableDuplicateFiltering(true).deploy();
        return new BareLifecycles(context, SameShapeProcess.PROCESS_KEY, Map.of());
    }

    /** One lifecycle; returns its process instance id. */
    String run(int n, StepTimes times) {
        VariableMap variables = Variables.createVariables().putValue("proposalId", (long) n);
        variables.putAll(startVariables);
        String instance = times.time("start (submit)", () -> runtime.startProcessInstanceByKey(processKey,
                processKey + "-" + run + "-" + n, variables).getId());
        times.time("completeness check", () -> complete(query(instance, "CheckCompletenessTask"), "ACCEPT"));
        for (int i = 1; i <= PortalLifecycles.PATIENT_ORGANISATIONS; i++) {
            String group = ProposalLifecycle.patientOrganisationGroup((long) i);
            times.time("vote", () -> complete(query(instance, "CastVoteTask").taskCandidateGroup(group), null));
            if (i == 4) {
                times.time("ethics review", () -> complete(query(instance, "ExpeditedEthicsReviewTask"), "APPROVE"));
            }
        }
        times.time("agreement", () -> complete(query(instance, "PrepareAgreementTask"), null));
        times.time("lead signature", () -> complete(query(instance, "LeadSignatureTask"), null));
        times.time("foundation signature", () -> complete(query(instance, "FoundationSignatureTask"), null));
        return instance;
    }

    /** Whether the instance waits in its access period, and how many user tasks it completed. */
    record Outcome(boolean active, long tasksCompleted) {
    }

    Outcome outcome(String instance) {
        boolean active = runtime.createExecutionQuery().processInstanceId(instance).activityId("AccessEndNoticeTimer")
                .count() == 1;
        return new Outcome(active, history.createHistoricTaskInstanceQuery().processInstanceId(instance).finished()
                .count());
    }

    private TaskQuery query(String instance, String step) {
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(step).active();
    }

    private void complete(TaskQuery query, String decision) {
        String task = query.singleResult().getId();
        if (decision == null) {
            tasks.complete(task);
        } else {
            tasks.complete(task, Variables.createVariables().putValueTyped(ProposalLifecycle.DECISION,
                    Variables.stringValue(decision, true)));
        }
    }
}
