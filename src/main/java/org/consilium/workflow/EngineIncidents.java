package org.consilium.workflow;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.consilium.audit.AuditTrail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workflow's incidents: a background step (a timer's reminder, say) that failed after the engine's
 * retries. Administrators see them and send the step round again; nothing stays stuck silently.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMINISTRATOR')")
public class EngineIncidents {

    /** One incident, in words. */
    public record EngineIncident(String id, String type, String processInstanceId, String reference, String step,
                                 String message, Instant since) {
    }

    private final RuntimeService runtime;
    private final ManagementService management;
    private final AuditTrail audit;

    EngineIncidents(RuntimeService runtime, ManagementService management, AuditTrail audit) {
        this.runtime = runtime;
        this.management = management;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<EngineIncident> open(int limit) {
        return runtime.createIncidentQuery().orderByIncidentTimestamp().desc()
                .listPage(0, Math.max(1, Math.min(limit, 500))).stream().map(this::view).toList();
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

    private EngineIncident view(Incident incident) {
        var instance = incident.getProcessInstanceId() == null ? null : runtime.createProcessInstanceQuery()
                .processInstanceId(incident.getProcessInstanceId()).singleResult();
        return new EngineIncident(incident.getId(), incident.getIncidentType(), incident.getProcessInstanceId(),
                instance == null ? null : instance.getBusinessKey(), incident.getActivityId(),
                incident.getIncidentMessage(), incident.getIncidentTimestamp().toInstant());
    }
}
