package org.consilium.perf.lifecycle;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.ApplicationContext;

/**
 * The control: {@code perf/bare-lifecycle.bpmn} (the same user tasks, timers and candidate groups as the portal's
 * process, no portal code) deployed into the portal's engine, on the same database, driven with
 * {@code TaskService.complete} in the order the portal's lifecycle takes, each task found by a query first as the
 * portal's steps find theirs.
 */
final class BareLifecycles {

    static final String PROCESS_KEY = "bare-lifecycle";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    BareLifecycles(ApplicationContext context) {
        runtime = context.getBean(RuntimeService.class);
        tasks = context.getBean(TaskService.class);
        history = context.getBean(HistoryService.class);
        context.getBean(RepositoryService.class).createDeployment().name("lifecycle benchmark control")
                .addClasspathResource("perf/bare-lifecycle.bpmn").enableDuplicateFiltering(true).deploy();
    }

    /** One lifecycle; returns its process instance id. */
    String run(int n, StepTimes times) {
        String instance = times.time("start (submit)", () -> runtime.startProcessInstanceByKey(PROCESS_KEY,
                "BARE-" + run + "-" + n, Map.of("proposalId", (long) n,
                        "organisations", PortalLifecycles.PATIENT_ORGANISATIONS)).getId());
        times.time("completeness check", () -> complete(query(instance, "CheckCompletenessTask")));
        for (int i = 1; i <= PortalLifecycles.PATIENT_ORGANISATIONS; i++) {
            String group = "PATIENT_ORGANISATION_" + i;
            times.time("vote", () -> complete(query(instance, "CastVoteTask").taskCandidateGroup(group)));
            if (i == 4) {
                times.time("ethics review", () -> complete(query(instance, "ExpeditedEthicsReviewTask")));
            }
        }
        times.time("agreement", () -> complete(query(instance, "PrepareAgreementTask")));
        times.time("lead signature", () -> complete(query(instance, "LeadSignatureTask")));
        times.time("foundation signature", () -> complete(query(instance, "FoundationSignatureTask")));
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

    private void complete(TaskQuery query) {
        tasks.complete(query.singleResult().getId());
    }
}
