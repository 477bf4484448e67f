package org.consilium.workflow;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.consilium.agreement.AgreementEvents;
import org.consilium.agreement.AgreementRefused;
import org.consilium.agreement.AgreementService;
import org.consilium.agreement.SignatureLine;
import org.consilium.agreement.SigningParty;
import org.consilium.proposal.ProposalEventKind;
import org.consilium.proposal.ProposalLifecycleSteps;
import org.consilium.security.ConsiliumUser;
import org.consilium.security.CurrentUser;
import org.consilium.ui.Translations;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agreement's tasks: send for signature, sign, chase or cancel, report outputs, close. Each checks
 * that the task is open for the signed-in person, acts through the agreement service, and moves the
 * engine in the same transaction. Also turns the agreement's events into messages for the process.
 */
@Service
@Transactional
public class AgreementTaskService {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final OpenTasks openTasks;
    private final AgreementService agreements;
    private final ProposalLifecycleSteps proposals;
    private final CurrentUser currentUser;
    private final Translations translations;

    AgreementTaskService(TaskService tasks, RuntimeService runtime, OpenTasks openTasks, AgreementService agreements,
                         ProposalLifecycleSteps proposals, CurrentUser currentUser, Translations translations) {
        this.translations = translations;
        this.tasks = tasks;
        this.runtime = runtime;
        this.openTasks = openTasks;
        this.agreements = agreements;
        this.proposals = proposals;
        this.currentUser = currentUser;
    }

    /** A staff task about an agreement: preparation, chase-or-cancel, closure. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional(readOnly = true)
    public Long proposalOfStaffTask(String taskId, String step) {
        if (!Map.of(ProposalLifecycle.PREPARE_AGREEMENT_TASK, 1, ProposalLifecycle.CHASE_OR_CANCEL_TASK, 1,
                ProposalLifecycle.CLOSE_PROJECT_TASK, 1).containsKey(step)) {
            throw new TaskGone();
        }
        return openTasks.proposalId(openTasks.open(taskId, step));
    }

    /** Staff send the latest version for signature: the lead organisation's signatories get their task. */
    @PreAuthorize("hasRole('STAFF')")
    public void sendForSignature(String taskId) {
        Task task = openTasks.open(taskId, ProposalLifecycle.PREPARE_AGREEMENT_TASK);
        agreements.send(openTasks.proposalId(task));
        openTasks.complete(task, null);
    }

    /** An open signing task: which proposal and for which party. */
    public record SigningTask(String taskId, Long proposalId, SigningParty party) {
    }

    @PreAuthorize("hasRole('SIGNATORY')")
    @Transactional(readOnly = true)
    public SigningTask openSigning(String taskId) {
        return signing(openSigningTask(taskId));
    }

    /** A signing task open to the signed-in signatory: offered to their organisation's signatories, or theirs. */
    private Task openSigningTask(String taskId) {
        Task task = openTasks.open(taskId, ProposalLifecycle.LEAD_SIGNATURE_TASK, ProposalLifecycle.FOUNDATION_SIGNATURE_TASK);
        ConsiliumUser user = currentUser.require();
        if (!user.getUsername().equals(task.getAssignee())
                && !openTasks.offeredTo(task, ProposalLifecycle.signatoryGroup(user.organisationId()))) {
            throw new TaskGone();
        }
        return task;
    }

    private SigningTask signing(Task task) {
        return new SigningTask(task.getId(), openTasks.proposalId(task),
                ProposalLifecycle.LEAD_SIGNATURE_TASK.equals(task.getTaskDefinitionKey())
                        ? SigningParty.LEAD_ORGANISATION : SigningParty.FOUNDATION);
    }

    /** Signs and completes the task in one transaction; after the second signature the agreement is executed. */
    @PreAuthorize("hasRole('SIGNATORY')")
    public SignatureLine sign(String taskId, int version, String password, boolean meaningConfirmed) {
        Task task = openSigningTask(taskId);
        SigningTask signing = signing(task);
        SignatureLine line = agreements.sign(signing.proposalId(), signing.party(), version, password,
                meaningConfirmed);
        openTasks.complete(task, null);
        return line;
    }

    /** Sixty days unsigned: staff chase the signatories (the signing tasks go out again) or cancel. */
    @PreAuthorize("hasRole('STAFF')")
    public void chaseOrCancel(String taskId, boolean cancel, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (cancel && why.isEmpty()) {
            throw new AgreementRefused("reason", translations.translate("workflow.refused.cancelReason"));
        }
        if (why.length() > 4_000) {
            throw new AgreementRefused("reason", translations.translate("workflow.refused.tooLong"));
        }
        Task task = openTasks.open(taskId, ProposalLifecycle.CHASE_OR_CANCEL_TASK);
        proposals.recordDecision(openTasks.proposalId(task), cancel ? ProposalEventKind.AGREEMENT_CANCELLED
                : ProposalEventKind.SIGNATURES_CHASED, why);
        openTasks.complete(task, cancel ? "CANCEL" : "CHASE");
    }

    /** Staff close the project once its outputs are reported. */
    @PreAuthorize("hasRole('STAFF')")
    public void closeProject(String taskId, String note) {
        String why = note == null ? "" : note.strip();
        if (why.length() > 4_000) {
            throw new AgreementRefused("note", translations.translate("workflow.refused.tooLong"));
        }
        Task task = openTasks.open(taskId, ProposalLifecycle.CLOSE_PROJECT_TASK);
        proposals.recordDecision(openTasks.proposalId(task), ProposalEventKind.CLOSED,
                why.isEmpty() ? agreements.outputCount(openTasks.proposalId(task)) + " output(s) reported" : why);
        openTasks.complete(task, null);
    }

    /** The applicant's task after expiry, if open: its proposal. */
    @PreAuthorize("hasRole('RESEARCHER')")
    @Transactional(readOnly = true)
    public Long proposalOfOutputsReport(String taskId) {
        return openTasks.proposalId(openTasks.open(taskId, ProposalLifecycle.REPORT_OUTPUTS_TASK));
    }

    // ---- events from the agreement, inside the transaction that raised them -------------------------

    @EventListener
    void on(AgreementEvents.Regenerated regenerated) {
        runtime.createMessageCorrelation(ProposalLifecycle.AGREEMENT_REGENERATED_MESSAGE)
                .processInstanceBusinessKey(regenerated.reference()).correlate();
    }

    @EventListener
    void on(AgreementEvents.AccessExtended extended) {
        runtime.createMessageCorrelation(ProposalLifecycle.ACCESS_EXTENDED_MESSAGE)
                .processInstanceBusinessKey(extended.reference()).correlate();
    }

    /** While access runs, a message ends the period; after expiry, the applicant's own task is done. */
    @EventListener
    void on(AgreementEvents.ClosureRequested requested) {
        Task report = tasks.createTaskQuery().processInstanceBusinessKey(requested.reference())
                .taskDefinitionKey(ProposalLifecycle.REPORT_OUTPUTS_TASK).active().singleResult();
        if (report != null) {
            openTasks.complete(report, null);
        } else {
            runtime.createMessageCorrelation(ProposalLifecycle.CLOSURE_REQUESTED_MESSAGE)
                    .processInstanceBusinessKey(requested.reference()).correlate();
        }
    }
}
