package org.consilium.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.consilium.member.MemberService;
import org.consilium.member.Role;
import org.consilium.notification.NotificationService;
import org.consilium.notification.NotificationText;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns the engine's task events into notifications for the people who may act: the assignee, or
 * everyone of the candidate group (a role, or one patient organisation's representatives).
 *
 * <p>The tasks a transaction creates are told together just before it commits (a voting round opens nine at
 * once): their recipients and preferences are read with one query each, not per task. Rolled back, nothing is told.
 */
@Component
public class TaskNotifications {

    private final NotificationService notifications;
    private final MemberService members;

    TaskNotifications(NotificationService notifications, MemberService members) {
        this.notifications = notifications;
        this.members = members;
    }

    /** A new task, as much as its notification needs once the engine's command is over. */
    private record NewTask(String assignee, List<String> groups, Long proposalId, NotificationText text) {
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void onTaskCreated(DelegateTask task) {
        // The engine publishes the tasks of every deployed process; only the governance process's speak to people.
        if (task.getProcessDefinitionId() == null
                || !task.getProcessDefinitionId().startsWith(ProposalLifecycle.PROCESS_KEY + ":")) {
            return;
        }
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : task.getCandidates()) {
            if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        // The process instance's own variables: loaded once per command, where the task's scope would be read anew
        Object proposalId = task.getExecution().getProcessInstance().getVariableLocal(ProposalLifecycle.PROPOSAL_ID);
        // The step's name in each recipient's language (the BPMN's name where the step has no translation).
        NotificationText step = NotificationText.messageOr("notification.task." + task.getTaskDefinitionKey(),
                task.getName());
        String reference = task.getExecution().getProcessBusinessKey();
        NewTask created = new NewTask(task.getAssignee(), groups,
                proposalId == null ? null : ((Number) proposalId).longValue(),
                task.getDueDate() == null ? NotificationText.message("notification.task.new", step, reference)
                        : NotificationText.message("notification.task.newDue", step, reference,
                                task.getDueDate().toInstant()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            tasksOfThisTransaction().add(created);
        } else {
            tell(List.of(created));
        }
    }

    private List<NewTask> tasksOfThisTransaction() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof TellBeforeCommit batch && batch.owner() == this) {
                return batch.created;
            }
        }
        TellBeforeCommit batch = new TellBeforeCommit();
        TransactionSynchronizationManager.registerSynchronization(batch);
        return batch.created;
    }

    private final class TellBeforeCommit implements TransactionSynchronization {
        private final List<NewTask> created = new ArrayList<>();

        TaskNotifications owner() {
            return TaskNotifications.this;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            tell(created);
        }

        /** Before the audit trail's append, which locks the chain's head until the commit. */
        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    private void tell(List<NewTask> created) {
        Set<String> usernames = new HashSet<>();
        Set<Long> organisations = new TreeSet<>();
        Set<Long> signatoryOrganisations = new TreeSet<>();
        for (NewTask t : created) {
            if (t.assignee() != null) {
                usernames.add(t.assignee());
            }
            for (String group : t.groups()) {
                if (group.startsWith(ProposalLifecycle.PATIENT_ORGANISATION_GROUP)) {
                    organisations.add(Long.valueOf(group.substring(ProposalLifecycle.PATIENT_ORGANISATION_GROUP.length())));
                } else if (group.startsWith(ProposalLifecycle.SIGNATORY_GROUP)) {
                    signatoryOrganisations.add(Long.valueOf(group.substring(ProposalLifecycle.SIGNATORY_GROUP.length())));
                }
            }
        }
        Map<Long, Set<Long>> representatives = members.activePeopleOfOrganisationsWithRole(organisations,
                Role.PATIENT_REPRESENTATIVE);
        Map<Long, Set<Long>> signatories = members.activePeopleOfOrganisationsWithRole(signatoryOrganisations,
                Role.SIGNATORY);
        Map<String, Set<Long>> byRole = new java.util.HashMap<>();
        List<NotificationService.Delivery> deliveries = new ArrayList<>();
        for (NewTask t : created) {
            Set<Long> recipients = new HashSet<>();
            if (t.assignee() != null) {
                members.personIdOf(t.assignee()).ifPresent(recipients::add);
            }
            for (String group : t.groups()) {
                if (group.startsWith(ProposalLifecycle.PATIENT_ORGANISATION_GROUP)) {
                    recipients.addAll(representatives.get(
                            Long.valueOf(group.substring(ProposalLifecycle.PATIENT_ORGANISATION_GROUP.length()))));
                } else if (group.startsWith(ProposalLifecycle.SIGNATORY_GROUP)) {
                    recipients.addAll(signatories.get(
                            Long.valueOf(group.substring(ProposalLifecycle.SIGNATORY_GROUP.length()))));
                } else {
                    recipients.addAll(byRole.computeIfAbsent(group,
                            g -> members.activePeopleWithRole(Role.valueOf(g))));
                }
            }
            deliveries.add(new NotificationService.Delivery(recipients, t.proposalId(), t.text()));
        }
        notifications.notify(deliveries);
    }

    void votingDeadlineApproaching(Long proposalId, Collection<Long> organisationsStillToVote, Instant deadline) {
        Set<Long> recipients = new HashSet<>();
        members.activePeopleOfOrganisationsWithRole(organisationsStillToVote, Role.PATIENT_REPRESENTATIVE)
                .values().forEach(recipients::addAll);
        notifications.notify(recipients, proposalId,
                NotificationText.message("notification.vote.reminder", deadline));
    }
}
