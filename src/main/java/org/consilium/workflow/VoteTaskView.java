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
import org.consilium.proposal.ProposalReadout;
import org.consilium.proposal.ProposalService;
import org.consilium.review.VoteChoice;
import org.consilium.review.VoteRefused;
import org.consilium.security.Roles;
import org.consilium.ui.Problems;

/**
 * A patient representative's vote for their organisation: first the conflict-of-interest declaration,
 * then (without a conflict) the proposal and the vote. Other organisations' votes are never shown here.
 */
@Route("tasks/:taskId/vote")
@RolesAllowed(Roles.PATIENT_REPRESENTATIVE)
class VoteTaskView extends TaskScreen {

    private static final String CHOICE_KEY = "workflow.vote.choice.";

    private final GovernanceTaskService governance;
    private final ProposalService proposals;

    VoteTaskView(GovernanceTaskService governance, ProposalService proposals) {
        this.governance = governance;
        this.proposals = proposals;
    }

    @Override
    protected String titleKey() {
        return "workflow.vote.title";
    }

    @Override
    protected void render() {
        render(governance.openVote(taskId));
    }

    private void render(VoteTask vote) {
        switch (vote.declaration()) {
            case NOT_YET -> add(declarationPanel(vote));
            case CONFLICT -> add(panel("conflict-declared", getTranslation("workflow.vote.conflictDeclared"),
                    new Paragraph(getTranslation("workflow.vote.conflictDeclared.text", vote.organisationName()))));
            case NO_CONFLICT -> add(votePanel(vote), new ProposalReadout(proposals,
                    proposals.details(vote.proposalId())));
        }
    }

    private Div declarationPanel(VoteTask vote) {
        RadioButtonGroup<Boolean> conflict = new RadioButtonGroup<>(getTranslation("workflow.vote.conflicts"));
        conflict.setId("conflict-choice");
        conflict.setItems(false, true);
        conflict.setItemLabelGenerator(c -> c ? getTranslation("workflow.vote.conflict.yes")
                : getTranslation("workflow.vote.conflict.no"));
        conflict.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        TextArea details = new TextArea(getTranslation("workflow.vote.conflict.details"));
        details.setId("conflict-details");
        details.setMaxLength(2_000);
        details.setWidthFull();
        Button declare = new Button(getTranslation("workflow.vote.declare"), e -> {
            if (conflict.isEmpty()) {
                conflict.setErrorMessage(getTranslation("workflow.vote.chooseOne"));
                conflict.setInvalid(true);
                return;
            }
            try {
                VoteTask declared = governance.declareConflicts(taskId, conflict.getValue(), details.getValue());
                removeAll();
                render(declared);
            } catch (VoteRefused refused) {
                details.setErrorMessage(refused.getMessage());
                details.setInvalid(true);
            } catch (TaskGone gone) {
                gone(gone);
            }
        });
        declare.setId("declare-conflicts");
        declare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return panel("conflict-declaration", getTranslation("workflow.vote.beforeReading"),
                new Paragraph(getTranslation("workflow.vote.beforeReading.text", vote.organisationName())),
                conflict, details, declare);
    }

    private Div votePanel(VoteTask vote) {
        RadioButtonGroup<VoteChoice> choice = new RadioButtonGroup<>(
                getTranslation("workflow.vote.choiceOf", vote.organisationName()));
        choice.setId("vote-choice");
        choice.setItems(VoteChoice.values());
        choice.setItemLabelGenerator(this::label);
        choice.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        TextArea comment = new TextArea(getTranslation("workflow.vote.comment"));
        comment.setId("vote-comment");
        comment.setMaxLength(4_000);
        comment.setWidthFull();
        Button cast = new Button(getTranslation("workflow.vote.cast"), e -> {
            if (choice.isEmpty()) {
                choice.setErrorMessage(getTranslation("workflow.vote.chooseVote"));
                choice.setInvalid(true);
                return;
            }
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("workflow.vote.cast.confirm"),
                    getTranslation("workflow.vote.cast.confirm.text", label(choice.getValue()), vote.organisationName()),
                    getTranslation("workflow.vote.cast.ok"), ok -> cast(choice.getValue(), comment));
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setCancelable(true);
            confirm.open();
        });
        cast.setId("cast-vote");
        cast.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return panel("vote", getTranslation("workflow.vote.heading"),
                new Paragraph(getTranslation("workflow.vote.sealed")), choice, comment, cast);
    }

    /** The patient review's choices, named on this screen in the reader's language. */
    private String label(VoteChoice choice) {
        return getTranslation(CHOICE_KEY + choice.name());
    }

    private void cast(VoteChoice choice, TextArea comment) {
        try {
            governance.castVote(taskId, choice, comment.getValue());
            done(getTranslation("workflow.vote.done"));
        } catch (VoteRefused refused) {
            Problems.show(refused.getMessage());
        } catch (TaskGone gone) {
            gone(gone);
        }
    }

    private Div panel(String id, String heading, com.vaadin.flow.component.Component... content) {
        Div panel = new Div(new H3(heading));
        panel.add(content);
        panel.addClassName("form-section");
        panel.setId(id);
        return panel;
    }
}
