package org.consilium.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.agreement.AgreementPanel;
import org.consilium.agreement.AgreementRefused;
import org.consilium.agreement.AgreementService;
import org.consilium.security.Roles;

/** Sixty days unsigned: staff send the signing tasks out again, or cancel the agreement. */
@Route("tasks/:taskId/chase")
@RolesAllowed(Roles.STAFF)
class ChaseOrCancelView extends TaskScreen {

    private final AgreementTaskService agreementTasks;
    private final AgreementService agreements;

    ChaseOrCancelView(AgreementTaskService agreementTasks, AgreementService agreements) {
        this.agreementTasks = agreementTasks;
        this.agreements = agreements;
    }

    @Override
    protected String titleKey() {
        return "workflow.chase.title";
    }

    @Override
    protected void render() {
        Long proposalId = agreementTasks.proposalOfStaffTask(taskId, ProposalLifecycle.CHASE_OR_CANCEL_TASK);
        // true: cancel the agreement; false: chase the signatories
        RadioButtonGroup<Boolean> decision = new RadioButtonGroup<>(getTranslation("workflow.decision"));
        decision.setId("chase-decision");
        decision.setItems(false, true);
        decision.setItemLabelGenerator(cancel -> cancel ? getTranslation("workflow.chase.cancel")
                : getTranslation("workflow.chase.chase"));
        TextArea reason = new TextArea(getTranslation("workflow.chase.reason"));
        reason.setId("chase-reason");
        reason.setMaxLength(4_000);
        reason.setWidthFull();
        Button record = new Button(getTranslation("workflow.decision.record"), e -> {
            if (decision.isEmpty()) {
                decision.setErrorMessage(getTranslation("workflow.refused.chooseDecision"));
                decision.setInvalid(true);
                return;
            }
            boolean cancel = decision.getValue();
            ConfirmDialog confirm = new ConfirmDialog(
                    cancel ? getTranslation("workflow.chase.cancel.confirm") : getTranslation("workflow.chase.chase.confirm"),
                    cancel ? getTranslation("workflow.chase.cancel.confirm.text")
                            : getTranslation("workflow.chase.chase.confirm.text"),
                    cancel ? getTranslation("workflow.chase.cancel.ok") : getTranslation("workflow.chase.chase.ok"), ok -> {
                try {
                    agreementTasks.chaseOrCancel(taskId, cancel, reason.getValue());
                    done(cancel ? getTranslation("workflow.chase.cancelled") : getTranslation("workflow.chase.chased"));
                } catch (AgreementRefused refused) {
                    reason.setErrorMessage(refused.getMessage());
                    reason.setInvalid(true);
                } catch (TaskGone gone) {
                    gone(gone);
                }
            });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.open();
        });
        record.setId("record-chase-decision");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div panel = new Div(new H3(getTranslation("workflow.chase.heading")),
                new Paragraph(getTranslation("workflow.chase.text")), decision, reason, record);
        panel.addClassName("form-section");
        add(panel, new AgreementPanel(agreements, proposalId));
    }
}
