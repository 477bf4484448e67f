package org.consilium.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.management.IncidentStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.consilium.audit.AuditTrail;
import org.consilium.proposal.ProposalRow;
import org.consilium.proposal.ProposalService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workflow as administrators see it: how many proposals wait at each step of the process, which ones, and
 * the incidents — a background step (a timer's reminder, say) that failed after the engine's retries, which
 * administrators send round again. Nothing stays stuck silently.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMINISTRATOR')")
public class EngineIncidents {

    /** One incident, in words. */
    public record EngineIncident(String id, String type, String processInstanceId, String reference, String step,
                                 String message, Instant since) {
    }

    /**
     * One step of the process (a BPMN activity id) with the running proposals that wait there, and the failed jobs
     * and open incidents at it.
     */
    public record WorkflowStep(String activityId, long proposals, int failedJobs, int incidents) {
    }

    /** Running process instances in all, and by step in the order of the process model. */
    public record WorkflowOverview(long running, List<WorkflowStep> steps) {
    }

    /** A proposal waiting at a step: since when (the earliest activity still open there), and whether it failed there. */
    public record InstanceAtStep(String processInstanceId, String reference, Long proposalId, String title,
                                 Instant since, boolean incident) {
    }

    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;
    private final HistoryService history;
    private final ProposalService proposals;
    private final AuditTrail audit;

    EngineIncidents(RuntimeService runtime, ManagementService management, RepositoryService repository,
                    HistoryService history, ProposalService proposals, AuditTrail audit) {
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
        this.history = history;
        this.proposals = proposals;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<EngineIncident> open(int limit) {
        return open(0, limit);
    }

    @Transactional(readOnly = true)
    public List<EngineIncident> open(int offset, int limit) {
        return runtime.createIncidentQuery().orderByIncidentTimestamp().desc()
                .listPage(Math.max(0, offset), Math.max(1, Math.min(limit, 500))).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public long countOpen() {
        return runtime.createIncidentQuery().count();
    }

    /** A failed job gets one more retry (the job executor runs it again); any other incident is resolved. */
    public void retry(String incidentId) {
        Incident incident = runtime.createIncidentQuery().incidentId(incidentId).singleResult();
        if (incident == null) {
            throw new TaskGone();
        }
        if (Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())) {
            management.setJobRetries(incident.getConfiguration(), 1);
        } else {
            runtime.resolveIncident(incidentId);
        }
        EngineIncident view = view(incident);
        audit.record("INCIDENT_RETRIED", "proposal", view.reference(), "Workflow step " + view.step()
                + " sent round again: " + view.message(), null);
    }

    /**
     * The governance process step by step: the engine's activity statistics (over every deployed version of the
     * process) give the failed jobs and incidents per activity; the proposals per step are distinct process
     * instances, so the vote tasks of one round (one per organisation) count as one proposal. Embedded subprocesses are left
     * out (a proposal in review is in the subprocess and at its steps), so a proposal under review counts at two
     * steps: the vote and the ethics review run in parallel.
     */
    @Transactional(readOnly = true)
    public WorkflowOverview overview() {
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
                .processDefinitionKey(ProposalLifecycle.PROCESS_KEY).orderByProcessDefinitionVersion().desc().list();
        Map<String, int[]> byActivity = new LinkedHashMap<>();
        for (ProcessDefinition definition : definitions) {
            for (ActivityStatistics statistics : management.createActivityStatisticsQuery(definition.getId())
                    .includeFailedJobs().includeIncidents().list()) {
                int[] sums = byActivity.computeIfAbsent(statistics.getId(), id -> new int[2]);
                sums[0] += statistics.getFailedJobs();
                sums[1] += statistics.getIncidentStatistics().stream().mapToInt(IncidentStatistics::getIncidentCount).sum();
            }
        }
        List<String> order = definitions.isEmpty() ? List.of() : flowNodeOrder(definitions.get(0).getId());
        Set<String> scopes = definitions.isEmpty() ? Set.of() : subProcesses(definitions.get(0).getId());
        List<WorkflowStep> steps = new ArrayList<>();
        byActivity.forEach((activityId, sums) -> {
            if (activityId.contains("#") || (scopes.contains(activityId) && sums[0] + sums[1] == 0)) {
                return; // a multi-instance body or a subprocess: its steps are listed themselves
            }
            long proposalsThere = instancesAtQuery(activityId).count();
            if (proposalsThere > 0 || sums[0] > 0 || sums[1] > 0) {
                steps.add(new WorkflowStep(activityId, proposalsThere, sums[0], sums[1]));
            }
        });
        steps.sort(Comparator.comparingInt(step -> {
            int at = order.indexOf(step.activityId());
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        long running = runtime.createProcessInstanceQuery().processDefinitionKey(ProposalLifecycle.PROCESS_KEY).count();
        return new WorkflowOverview(running, steps);
    }

    /** The proposals waiting at a step, by reference, a page at a time. */
    @Transactional(readOnly = true)
    public List<InstanceAtStep> instancesAt(String activityId, int offset, int limit) {
        List<ProcessInstance> page = instancesAtQuery(activityId).orderByBusinessKey().asc()
                .listPage(Math.max(0, offset), Math.max(1, Math.min(limit, 200)));
        if (page.isEmpty()) {
            return List.of();
        }
        String[] ids = page.stream().map(ProcessInstance::getId).toArray(String[]::new);
        Map<String, Long> proposalIds = runtime.createVariableInstanceQuery().processInstanceIdIn(ids)
                .variableName(ProposalLifecycle.PROPOSAL_ID).list().stream()
                .filter(v -> v.getValue() instanceof Number)
                .collect(Collectors.toMap(VariableInstance::getProcessInstanceId,
                        v -> ((Number) v.getValue()).longValue(), (a, b) -> a));
        Map<Long, ProposalRow> rows = proposals.rowsForTasks(new HashSet<>(proposalIds.values()));
        Set<String> failed = runtime.createIncidentQuery().activityId(activityId).list().stream()
                .map(Incident::getProcessInstanceId).collect(Collectors.toSet());
        return page.stream().map(instance -> {
            Long proposalId = proposalIds.get(instance.getId());
            ProposalRow row = proposalId == null ? null : rows.get(proposalId);
            return new InstanceAtStep(instance.getId(), instance.getBusinessKey(), proposalId,
                    row == null ? null : row.displayTitle(), since(instance.getId(), activityId),
                    failed.contains(instance.getId()));
        }).toList();
    }

    @Transactional(readOnly = true)
    public long countInstancesAt(String activityId) {
        return instancesAtQuery(activityId).count();
    }

    private org.camunda.bpm.engine.runtime.ProcessInstanceQuery instancesAtQuery(String activityId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ProposalLifecycle.PROCESS_KEY)
                .activityIdIn(activityId == null ? "" : activityId);
    }

    private Instant since(String processInstanceId, String activityId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId(activityId).unfinished().orderByHistoricActivityInstanceStartTime().asc().listPage(0, 1)
                .stream().findFirst().map(a -> a.getStartTime().toInstant()).orElse(null);
    }

    private List<String> flowNodeOrder(String definitionId) {
        return flowNodes(definitionId).stream().map(FlowNode::getId).toList();
    }

    private Set<String> subProcesses(String definitionId) {
        return flowNodes(definitionId).stream().filter(SubProcess.class::isInstance).map(FlowNode::getId)
                .collect(Collectors.toSet());
    }

    private Collection<FlowNode> flowNodes(String definitionId) {
        return repository.getBpmnModelInstance(definitionId).getModelElementsByType(FlowNode.class);
    }

    private EngineIncident view(Incident incident) {
        var instance = incident.getProcessInstanceId() == null ? null : runtime.createProcessInstanceQuery()
                .processInstanceId(incident.getProcessInstanceId()).singleResult();
        return new EngineIncident(incident.getId(), incident.getIncidentType(), incident.getProcessInstanceId(),
                instance == null ? null : instance.getBusinessKey(), incident.getActivityId(),
                incident.getIncidentMessage(), incident.getIncidentTimestamp().toInstant());
    }
}
