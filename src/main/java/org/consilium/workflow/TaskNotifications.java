package org.consilium.workflow;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.consilium.member.MemberService;
import org.consilium.member.Role;
import org.consilium.notification.NotificationService;
import org.consilium.notification.NotificationText;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the engine's task events into notifications for the people who may act: the assignee, or
 * everyone of the candidate group (a role, or one patient organisation's representatives).
 */
@Component
public class TaskNotifications {

    private final NotificationService notifications;
    private final MemberService members;

    TaskNotifications(NotificationService notifications, MemberService members) {
        this.notifications = notifications;
        this.members = members;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void onTaskCreated(DelegateTask task) {
        // The engine publishes the tasks of every deployed process; only the governance process's speak to people.
        if (task.getProcessDefinitionId() == null
                || !task.getProcessDefinitionId().startsWith(ProposalLifecycle.PROCESS_KEY + ":")) {
            return;
        }
        Set<Long> recipients = new HashSet<>();
        if (task.getAssignee() != null) {
            members.personIdOf(task.getAssignee()).ifPresent(recipients::add);
        }
        for (IdentityLink link : task.getCandidates()) {
            if (link.getGroupId() != null) {
                recipients.addAll(peopleOf(link.getGroupId()));
            }
        }
        // The process instance's own variables: loaded once per command, where the task's scope would be read anew
        Object proposalId = task.getExecution().getProcessInstance().getVariableLocal(ProposalLifecycle.PROPOSAL_ID);
        // The step's name in each recipient's language (the BPMN's name where the step has no translation).
        NotificationText step = NotificationText.messageOr("notification.task." + task.getTaskDefinitionKey(),
                task.getName());
        String reference = task.getExecution().getProcessBusinessKey();
        notifications.notify(recipients, proposalId == null ? null : ((Number) proposalId).longValue(),
                task.getDueDate() == null ? NotificationText.message("notification.task.new", step, reference)
                        : NotificationText.message("notification.task.newDue", step, reference,
                                task.getDueDate().toInstant()));
    }

    void votingDeadlineApproaching(Long proposalId, Collection<Long> organisationsStillToVote, Instant deadline) {
        Set<Long> recipients = new HashSet<>();
        organisationsStillToVote.forEach(id ->
                recipients.addAll(members.activePeopleOfOrganisationWithRole(id, Role.PATIENT_REPRESENTATIVE)));
        notifications.notify(recipients, proposalId,
                NotificationText.message("notification.vote.reminder", deadline));
    }

    private Set<Long> peopleOf(String group) {
        if (group.startsWith(ProposalLifecycle.PATIENT_ORGANISATION_GROUP)) {
            return members.activePeopleOfOrganisationWithRole(
                    Long.valueOf(group.substring(ProposalLifecycle.PATIENT_ORGANISATION_GROUP.length())),
                    Role.PATIENT_REPRESENTATIVE);
        }
        if (group.startsWith(ProposalLifecycle.SIGNATORY_GROUP)) {
            return members.activePeopleOfOrganisationWithRole(
                    Long.valueOf(group.substring(ProposalLifecycle.SIGNATORY_GROUP.length())), Role.SIGNATORY);
        }
        return members.activePeopleWithRole(Role.valueOf(group));
    }
}
