package org.consilium.workflow;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.consilium.member.Role;
import org.consilium.proposal.ProposalRow;
import org.consilium.proposal.ProposalService;
import org.consilium.security.ConsiliumUser;
import org.consilium.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tasks the signed-in person may act on: those offered to one of their roles (candidate groups are
 * role names) and those assigned to them. Pages come from the engine; three queries a page, whatever its size.
 */
@Service
@Transactional(readOnly = true)
public class TaskInboxService {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ProposalService proposals;
    private final CurrentUser currentUser;

    TaskInboxService(TaskService tasks, RuntimeService runtime, ProposalService proposals, CurrentUser currentUser) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.proposals = proposals;
        this.currentUser = currentUser;
    }

    @PreAuthorize("isAuthenticated()")
    public List<InboxTask> myTasks(int offset, int limit) {
        List<Task> page = query(currentUser.require()).orderByTaskCreateTime().asc().orderByTaskId().asc()
                .listPage(offset, limit);
        Set<String> instanceIds = page.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, Long> proposalIds = instanceIds.isEmpty() ? Map.of()
                : runtime.createVariableInstanceQuery().processInstanceIdIn(instanceIds.toArray(String[]::new))
                .variableName(ProposalLifecycle.PROPOSAL_ID).list().stream()
                .collect(Collectors.toMap(VariableInstance::getProcessInstanceId, v -> ((Number) v.getValue()).longValue(),
                        (a, b) -> a));
        // Only proposals of the engine's own tasks for this person: no record check needed beyond the query.
        Map<Long, ProposalRow> rows = proposals.rowsForTasks(Set.copyOf(proposalIds.values()));
        return page.stream().map(task -> {
            Long proposalId = proposalIds.get(task.getProcessInstanceId());
            ProposalRow row = proposalId == null ? null : rows.get(proposalId);
            return new InboxTask(task.getId(), task.getName(), task.getTaskDefinitionKey(),
                    instant(task.getCreateTime()), instant(task.getDueDate()), task.getAssignee(), proposalId,
                    row == null ? null : row.reference(), row == null ? null : row.displayTitle());
        }).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public long countMyTasks() {
        return query(currentUser.require()).count();
    }

    private TaskQuery query(ConsiliumUser user) {
        List<String> groups = new java.util.ArrayList<>(user.roles().stream().map(Role::name).toList());
        if (user.hasRole(Role.PATIENT_REPRESENTATIVE)) {
            groups.add(ProposalLifecycle.patientOrganisationGroup(user.organisationId()));
        }
        return tasks.createTaskQuery().active()
                .or().taskCandidateGroupIn(groups).taskAssignee(user.getUsername()).endOr();
    }

    private static java.time.Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
