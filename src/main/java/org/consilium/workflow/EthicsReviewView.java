package org.consilium.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.ethics.EthicsOutcome;
import org.consilium.ethics.EthicsRoute;
import org.consilium.proposal.ProposalNotValid;
import org.consilium.proposal.ProposalReadout;
import org.consilium.proposal.ProposalService;
import org.consilium.security.Roles;

/** The ethics board reviews a proposal on the route the decision table chose. */
@Route("tasks/:taskId/ethics")
@RolesAllowed(Roles.ETHICS_REVIEWER)
class EthicsReviewView extends TaskScreen {

    private static final String OUTCOME_KEY = "workflow.ethics.outcome.";

    private final GovernanceTaskService governance;
    private final ProposalService proposals;

    EthicsReviewView(GovernanceTaskService governance, ProposalService proposals) {
        this.governance = governance;
        this.proposals = proposals;
    }

    @Override
    protected String titleKey() {
        return "workflow.ethics.title";
    }

    @Override
    protected void render() {
        GovernanceTaskService.EthicsTask review = governance.openEthicsReview(taskId);
        add(decisionPanel(review), new ProposalReadout(proposals, proposals.details(review.proposalId())));
    }

    private Div decisionPanel(GovernanceTaskService.EthicsTask review) {
        RadioButtonGroup<EthicsOutcome> outcome = new RadioButtonGroup<>(getTranslation("workflow.decision"));
        outcome.setId("ethics-decision");
        outcome.setItems(EthicsOutcome.values());
        outcome.setItemLabelGenerator(this::label);
        outcome.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        TextArea conditions = new TextArea(getTranslation("workflow.ethics.conditions"));
        conditions.setId("ethics-conditions");
        conditions.setMaxLength(4_000);
        conditions.setWidthFull();
        conditions.setVisible(false);
        outcome.addValueChangeListener(e -> conditions.setVisible(e.getValue() == EthicsOutcome.APPROVE_WITH_CONDITIONS));
        TextArea comment = new TextArea(getTranslation("workflow.ethics.comment"));
        comment.setId("ethics-comment");
        comment.setMaxLength(4_000);
        comment.setWidthFull();
        Button record = new Button(getTranslation("workflow.decision.record"), e -> {
            if (outcome.isEmpty()) {
                outcome.setErrorMessage(getTranslation("workflow.refused.chooseDecision"));
                outcome.setInvalid(true);
                return;
            }
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("workflow.decision.confirm"),
                    getTranslation("workflow.ethics.confirm", label(outcome.getValue())),
                    getTranslation("workflow.decision.confirm.ok"), ok -> record(review, outcome, conditions, comment));
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setCancelable(true);
            confirm.open();
        });
        record.setId("record-ethics-decision");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        boolean full = review.route() == EthicsRoute.FULL;
        Div panel = new Div(new H3(full ? getTranslation("workflow.ethics.full") : getTranslation("workflow.ethics.expedited")),
                new Paragraph(full ? getTranslation("workflow.ethics.full.text")
                        : getTranslation("workflow.ethics.expedited.text")),
                outcome, conditions, comment, record);
        panel.addClassName("form-section");
        panel.setId("ethics-review");
        return panel;
    }

    private String label(EthicsOutcome outcome) {
        return getTranslation(OUTCOME_KEY + outcome.name());
    }

    private void record(GovernanceTaskService.EthicsTask review, RadioButtonGroup<EthicsOutcome> outcome,
                        TextArea conditions, TextArea comment) {
        try {
            governance.reviewEthics(review.taskId(), outcome.getValue(), conditions.getValue(), comment.getValue());
            done(getTranslation("workflow.decision.recorded", label(outcome.getValue())));
        } catch (ProposalNotValid e) {
            ProposalNotValid.Problem problem = e.problems().get(0);
            switch (problem.field()) {
                case "conditions" -> {
                    conditions.setErrorMessage(problem.message());
                    conditions.setInvalid(true);
                }
                case "comment" -> {
                    comment.setErrorMessage(problem.message());
                    comment.setInvalid(true);
                }
                default -> {
                    outcome.setErrorMessage(problem.message());
                    outcome.setInvalid(true);
                }
            }
        } catch (TaskGone gone) {
            gone(gone);
        }
    }
}
