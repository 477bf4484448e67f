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
@PageTitle("Vote · Consilium")
@RolesAllowed(Roles.PATIENT_REPRESENTATIVE)
class VoteTaskView extends TaskScreen {

    private final GovernanceTaskService governance;
    private final ProposalService proposals;

    VoteTaskView(GovernanceTaskService governance, ProposalService proposals) {
        this.governance = governance;
        this.proposals = proposals;
    }

    @Override
    protected void render() {
        VoteTask vote = governance.openVote(taskId);
        switch (vote.declaration()) {
            case NOT_YET -> add(declarationPanel(vote));
            case CONFLICT -> add(panel("conflict-declared", "You declared a conflict of interest",
                    new Paragraph("You may not read or vote on this proposal. A colleague of "
                            + vote.organisationName() + " without a conflict can vote for your organisation.")));
            case NO_CONFLICT -> add(votePanel(vote), new ProposalReadout(proposals,
                    proposals.details(vote.proposalId())));
        }
    }

    private Div declarationPanel(VoteTask vote) {
        RadioButtonGroup<Boolean> conflict = new RadioButtonGroup<>("Conflicts of interest");
        conflict.setId("conflict-choice");
        conflict.setItems(false, true);
        conflict.setItemLabelGenerator(c -> c ? "I have a conflict of interest with this project"
                : "I have no conflict of interest with this project");
        conflict.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        TextArea details = new TextArea("The conflict (if any)");
        details.setId("conflict-details");
        details.setMaxLength(2_000);
        details.setWidthFull();
        Button declare = new Button("Declare", e -> {
            if (conflict.isEmpty()) {
                conflict.setErrorMessage("Choose one");
                conflict.setInvalid(true);
                return;
            }
            try {
                governance.declareConflicts(taskId, conflict.getValue(), details.getValue());
                show();
            } catch (VoteRefused refused) {
                details.setErrorMessage(refused.getMessage());
                details.setInvalid(true);
            } catch (TaskGone gone) {
                gone(gone);
            }
        });
        declare.setId("declare-conflicts");
        declare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return panel("conflict-declaration", "Before you read the proposal", new Paragraph("You vote for "
                + vote.organisationName() + ". First declare whether you have a conflict of interest with this"
                + " project (a personal, financial or professional tie to its applicants or its funder)."),
                conflict, details, declare);
    }

    private Div votePanel(VoteTask vote) {
        RadioButtonGroup<VoteChoice> choice = new RadioButtonGroup<>("The vote of " + vote.organisationName());
        choice.setId("vote-choice");
        choice.setItems(VoteChoice.values());
        choice.setItemLabelGenerator(VoteChoice::label);
        choice.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        TextArea comment = new TextArea("Comment (needed except for approve)");
        comment.setId("vote-comment");
        comment.setMaxLength(4_000);
        comment.setWidthFull();
        Button cast = new Button("Cast the vote…", e -> {
            if (choice.isEmpty()) {
                choice.setErrorMessage("Choose your organisation's vote");
                choice.setInvalid(true);
                return;
            }
            ConfirmDialog confirm = new ConfirmDialog("Cast this vote?", choice.getValue().label() + " for "
                    + vote.organisationName() + ". Each organisation votes once: it cannot be changed.", "Cast",
                    ok -> cast(choice.getValue(), comment));
            confirm.setCancelable(true);
            confirm.open();
        });
        cast.setId("cast-vote");
        cast.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return panel("vote", "Your organisation's vote", new Paragraph("Votes stay sealed until the round closes:"
                + " nobody sees another organisation's vote before then."), choice, comment, cast);
    }

    private void cast(VoteChoice choice, TextArea comment) {
        try {
            governance.castVote(taskId, choice, comment.getValue());
            done("The vote is cast.");
        } catch (VoteRefused refused) {
            Problems.show(refused.getMessage());
        } catch (TaskGone gone) {
            gone(gone);
        }
    }

    private static Div panel(String id, String heading, com.vaadin.flow.component.Component... content) {
        Div panel = new Div(new H3(heading));
        panel.add(content);
        panel.addClassName("form-section");
        panel.setId(id);
        return panel;
    }
}
