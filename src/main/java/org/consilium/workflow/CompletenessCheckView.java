package org.consilium.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.proposal.ProposalNotValid;
import org.consilium.proposal.ProposalReadout;
import org.consilium.proposal.ProposalService;
import org.consilium.security.Roles;

/** Staff check a submitted proposal: accept it, return it with comments, or reject it with a reason. */
@Route("tasks/:taskId/completeness")
@RolesAllowed(Roles.STAFF)
class CompletenessCheckView extends TaskScreen {

    private final GovernanceTaskService governance;
    private final ProposalService proposals;

    CompletenessCheckView(GovernanceTaskService governance, ProposalService proposals) {
        this.governance = governance;
        this.proposals = proposals;
    }

    @Override
    protected String titleKey() {
        return "workflow.completeness.heading";
    }

    @Override
    protected void render() {
        Long proposalId = governance.proposalOfCompletenessCheck(taskId);
        add(decisionPanel(taskId), new ProposalReadout(proposals, proposals.details(proposalId)));
    }

    private Div decisionPanel(String taskId) {
        RadioButtonGroup<CompletenessDecision> decision = new RadioButtonGroup<>(getTranslation("workflow.decision"));
        decision.setId("completeness-decision");
        decision.setItems(CompletenessDecision.values());
        decision.setItemLabelGenerator(d -> getTranslation(d.labelKey()));
        decision.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        decision.setRequiredIndicatorVisible(true);
        TextArea reason = new TextArea(getTranslation("workflow.completeness.reason"));
        reason.setId("completeness-reason");
        reason.setMaxLength(4_000);
        reason.setWidthFull();
        reason.setHelperText(getTranslation("workflow.completeness.reason.helper"));
        decision.addValueChangeListener(e -> reason.setRequiredIndicatorVisible(
                e.getValue() != null && e.getValue().needsReason()));

        Button record = new Button(getTranslation("workflow.decision.record"), e -> {
            if (decision.isEmpty()) {
                decision.setErrorMessage(getTranslation("workflow.refused.chooseDecision"));
                decision.setInvalid(true);
                return;
            }
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("workflow.decision.confirm"),
                    getTranslation("workflow.completeness.confirm", getTranslation(decision.getValue().labelKey())),
                    getTranslation("workflow.decision.confirm.ok"), ok -> record(taskId, decision.getValue(), reason));
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setCancelable(true);
            confirm.open();
        });
        record.setId("record-completeness-decision");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        Div panel = new Div(new H3(getTranslation("workflow.completeness.heading")), decision, reason, record);
        panel.addClassName("form-section");
        panel.setId("completeness-check");
        return panel;
    }

    private void record(String taskId, CompletenessDecision decision, TextArea reason) {
        try {
            governance.checkCompleteness(taskId, decision, reason.getValue());
            done(getTranslation("workflow.decision.recorded", getTranslation(decision.labelKey())));
        } catch (ProposalNotValid e) {
            reason.setErrorMessage(e.problems().get(0).message());
            reason.setInvalid(true);
        } catch (TaskGone gone) {
            gone(gone);
        }
    }
}
