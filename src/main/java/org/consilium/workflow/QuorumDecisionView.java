package org.consilium.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.proposal.ProposalNotValid;
import org.consilium.proposal.ProposalService;
import org.consilium.security.Roles;

/** Staff decide on a voting round without quorum: extend it once, or reject the proposal. */
@Route("tasks/:taskId/quorum")
@RolesAllowed(Roles.STAFF)
class QuorumDecisionView extends TaskScreen {

    private final GovernanceTaskService governance;
    private final ProposalService proposals;

    QuorumDecisionView(GovernanceTaskService governance, ProposalService proposals) {
        this.governance = governance;
        this.proposals = proposals;
    }

    @Override
    protected String titleKey() {
        return "workflow.quorum.heading";
    }

    @Override
    protected void render() {
        Long proposalId = governance.proposalOfQuorumDecision(taskId);
        TextArea reason = new TextArea(getTranslation("workflow.quorum.reason"));
        reason.setId("quorum-reason");
        reason.setMaxLength(4_000);
        reason.setWidthFull();
        Button extend = new Button(getTranslation("workflow.quorum.extend"), e -> confirm(taskId, true, reason));
        extend.setId("extend-round");
        extend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reject = new Button(getTranslation("workflow.quorum.reject"), e -> confirm(taskId, false, reason));
        reject.setId("reject-for-quorum");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div panel = new Div(new H3(getTranslation("workflow.quorum.heading")),
                new Paragraph(getTranslation("workflow.quorum.text")), reason, extend, reject);
        panel.addClassName("form-section");
        panel.setId("quorum-decision");
        add(panel);
        add(new org.consilium.proposal.ProposalReadout(proposals, proposals.details(proposalId)));
    }

    private void confirm(String taskId, boolean extend, TextArea reason) {
        ConfirmDialog dialog = new ConfirmDialog(
                extend ? getTranslation("workflow.quorum.extend.confirm") : getTranslation("workflow.quorum.reject.confirm"),
                extend ? getTranslation("workflow.quorum.extend.confirm.text")
                        : getTranslation("workflow.quorum.reject.confirm.text"),
                extend ? getTranslation("workflow.quorum.extend.ok") : getTranslation("workflow.quorum.reject.ok"), ok -> {
            try {
                governance.decideOnQuorum(taskId, extend, reason.getValue());
                done(extend ? getTranslation("workflow.quorum.extended") : getTranslation("workflow.quorum.rejected"));
            } catch (ProposalNotValid e) {
                reason.setErrorMessage(e.problems().get(0).message());
                reason.setInvalid(true);
            } catch (TaskGone gone) {
                gone(gone);
            }
        });
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.open();
    }
}
