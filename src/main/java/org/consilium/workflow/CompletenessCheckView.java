package org.consilium.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.proposal.ProposalNotValid;
import org.consilium.proposal.ProposalReadout;
import org.consilium.proposal.ProposalService;
import org.consilium.security.Roles;

/** Staff check a submitted proposal: accept it, return it with comments, or reject it with a reason. */
@Route("tasks/:taskId/completeness")
@PageTitle("Completeness check · Consilium")
@RolesAllowed(Roles.STAFF)
class CompletenessCheckView extends TaskScreen {

    private final GovernanceTaskService governance;
    private final ProposalService proposals;

    CompletenessCheckView(GovernanceTaskService governance, ProposalService proposals) {
        this.governance = governance;
        this.proposals = proposals;
    }

    @Override
    protected void render() {
        Long proposalId = governance.proposalOfCompletenessCheck(taskId);
        add(decisionPanel(taskId), new ProposalReadout(proposals, proposals.details(proposalId)));
    }

    private Div decisionPanel(String taskId) {
        RadioButtonGroup<CompletenessDecision> decision = new RadioButtonGroup<>("Decision");
        decision.setId("completeness-decision");
        decision.setItems(CompletenessDecision.values());
        decision.setItemLabelGenerator(CompletenessDecision::label);
        decision.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        decision.setRequiredIndicatorVisible(true);
        TextArea reason = new TextArea("Comments for the applicant, or the reason for rejection");
        reason.setId("completeness-reason");
        reason.setMaxLength(4_000);
        reason.setWidthFull();
        reason.setHelperText("Required when returning or rejecting; it appears in the proposal's timeline.");
        decision.addValueChangeListener(e -> reason.setRequiredIndicatorVisible(
                e.getValue() != null && e.getValue().needsReason()));

        Button record = new Button("Record decision…", e -> {
            if (decision.isEmpty()) {
                decision.setErrorMessage("Choose a decision");
                decision.setInvalid(true);
                return;
            }
            ConfirmDialog confirm = new ConfirmDialog("Record this decision?",
                    decision.getValue().label() + ". The applicant and the process move on at once.", "Record",
                    ok -> record(taskId, decision.getValue(), reason));
            confirm.setCancelable(true);
            confirm.open();
        });
        record.setId("record-completeness-decision");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        Div panel = new Div(new H3("Completeness check"), decision, reason, record);
        panel.addClassName("form-section");
        panel.setId("completeness-check");
        return panel;
    }

    private void record(String taskId, CompletenessDecision decision, TextArea reason) {
        try {
            governance.checkCompleteness(taskId, decision, reason.getValue());
            done("Decision recorded: " + decision.label() + ".");
        } catch (ProposalNotValid e) {
            reason.setErrorMessage(e.problems().get(0).message());
            reason.setInvalid(true);
        } catch (TaskGone gone) {
            gone(gone);
        }
    }
}
