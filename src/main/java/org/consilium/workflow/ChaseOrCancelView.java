package org.consilium.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.agreement.AgreementPanel;
import org.consilium.agreement.AgreementRefused;
import org.consilium.agreement.AgreementService;
import org.consilium.security.Roles;

/** Sixty days unsigned: staff send the signing tasks out again, or cancel the agreement. */
@Route("tasks/:taskId/chase")
@PageTitle("Unsigned agreement · Consilium")
@RolesAllowed(Roles.STAFF)
class ChaseOrCancelView extends TaskScreen {

    private final AgreementTaskService agreementTasks;
    private final AgreementService agreements;

    ChaseOrCancelView(AgreementTaskService agreementTasks, AgreementService agreements) {
        this.agreementTasks = agreementTasks;
        this.agreements = agreements;
    }

    @Override
    protected void render() {
        Long proposalId = agreementTasks.proposalOfStaffTask(taskId, ProposalLifecycle.CHASE_OR_CANCEL_TASK);
        RadioButtonGroup<String> decision = new RadioButtonGroup<>("Decision");
        decision.setId("chase-decision");
        decision.setItems("Chase the signatories", "Cancel the agreement");
        TextArea reason = new TextArea("Note (required to cancel)");
        reason.setId("chase-reason");
        reason.setMaxLength(4_000);
        reason.setWidthFull();
        Button record = new Button("Record decision…", e -> {
            if (decision.isEmpty()) {
                decision.setErrorMessage("Choose a decision");
                decision.setInvalid(true);
                return;
            }
            boolean cancel = decision.getValue().startsWith("Cancel");
            ConfirmDialog confirm = new ConfirmDialog(cancel ? "Cancel the agreement?" : "Chase the signatories?",
                    cancel ? "The agreement is cancelled and the proposal's process ends. This cannot be undone."
                            : "The signatories are asked again, with a new deadline.", cancel ? "Cancel agreement"
                    : "Chase", ok -> {
                try {
                    agreementTasks.chaseOrCancel(taskId, cancel, reason.getValue());
                    done(cancel ? "Agreement cancelled." : "Signatories chased.");
                } catch (AgreementRefused refused) {
                    reason.setErrorMessage(refused.getMessage());
                    reason.setInvalid(true);
                } catch (TaskGone gone) {
                    gone(gone);
                }
            });
            confirm.setCancelable(true);
            confirm.open();
        });
        record.setId("record-chase-decision");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div panel = new Div(new H3("The agreement is still unsigned"), new Paragraph("It was sent for signature"
                + " some time ago and not all parties have signed. Chase the signatories, or cancel the agreement."),
                decision, reason, record);
        panel.addClassName("form-section");
        add(panel, new AgreementPanel(agreements, proposalId));
    }
}
