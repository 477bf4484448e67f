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
import com.vaadin.flow.router.PageTitle;
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
@PageTitle("Ethics review · Consilium")
@RolesAllowed(Roles.ETHICS_REVIEWER)
class EthicsReviewView extends TaskScreen {

    private final GovernanceTaskService governance;
    private final ProposalService proposals;

    EthicsReviewView(GovernanceTaskService governance, ProposalService proposals) {
        this.governance = governance;
        this.proposals = proposals;
    }

    @Override
    protected void render() {
        GovernanceTaskService.EthicsTask review = governance.openEthicsReview(taskId);
        add(decisionPanel(review), new ProposalReadout(proposals, proposals.details(review.proposalId())));
    }

    private Div decisionPanel(GovernanceTaskService.EthicsTask review) {
        RadioButtonGroup<EthicsOutcome> outcome = new RadioButtonGroup<>("Decision");
        outcome.setId("ethics-decision");
        outcome.setItems(EthicsOutcome.values());
        outcome.setItemLabelGenerator(EthicsOutcome::label);
        outcome.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        TextArea conditions = new TextArea("Conditions (carried into the data-access agreement)");
        conditions.setId("ethics-conditions");
        conditions.setMaxLength(4_000);
        conditions.setWidthFull();
        conditions.setVisible(false);
        outcome.addValueChangeListener(e -> conditions.setVisible(e.getValue() == EthicsOutcome.APPROVE_WITH_CONDITIONS));
        TextArea comment = new TextArea("Comment (needed to request changes or reject)");
        comment.setId("ethics-comment");
        comment.setMaxLength(4_000);
        comment.setWidthFull();
        Button record = new Button("Record decision…", e -> {
            if (outcome.isEmpty()) {
                outcome.setErrorMessage("Choose a decision");
                outcome.setInvalid(true);
                return;
            }
            ConfirmDialog confirm = new ConfirmDialog("Record this decision?", outcome.getValue().label() + ".",
                    "Record", ok -> record(review, outcome, conditions, comment));
            confirm.setCancelable(true);
            confirm.open();
        });
        record.setId("record-ethics-decision");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div panel = new Div(new H3(review.route() == EthicsRoute.FULL ? "Full ethics review" : "Expedited ethics review"),
                new Paragraph(review.route() == EthicsRoute.FULL
                        ? "Individual-level or genomic data: approval needs the institution's ethics approval attached."
                        : "Aggregated or synthetic data only: one reviewer decides."),
                outcome, conditions, comment, record);
        panel.addClassName("form-section");
        panel.setId("ethics-review");
        return panel;
    }

    private void record(GovernanceTaskService.EthicsTask review, RadioButtonGroup<EthicsOutcome> outcome,
                        TextArea conditions, TextArea comment) {
        try {
            governance.reviewEthics(review.taskId(), outcome.getValue(), conditions.getValue(), comment.getValue());
            done("Decision recorded: " + outcome.getValue().label() + ".");
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
