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
import org.consilium.agreement.AgreementPanel;
import org.consilium.agreement.AgreementRefused;
import org.consilium.agreement.AgreementService;
import org.consilium.security.Roles;

/** Staff review the outputs the applicant reported and close the project. */
@Route("tasks/:taskId/close")
@RolesAllowed(Roles.STAFF)
class CloseProjectView extends TaskScreen {

    private final AgreementTaskService agreementTasks;
    private final AgreementService agreements;

    CloseProjectView(AgreementTaskService agreementTasks, AgreementService agreements) {
        this.agreementTasks = agreementTasks;
        this.agreements = agreements;
    }

    @Override
    protected String titleKey() {
        return "workflow.close.heading";
    }

    @Override
    protected void render() {
        Long proposalId = agreementTasks.proposalOfStaffTask(taskId, ProposalLifecycle.CLOSE_PROJECT_TASK);
        TextArea note = new TextArea(getTranslation("workflow.close.note"));
        note.setId("closing-note");
        note.setMaxLength(4_000);
        note.setWidthFull();
        Button close = new Button(getTranslation("workflow.close.button"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("workflow.close.confirm"),
                    getTranslation("workflow.close.confirm.text"), getTranslation("workflow.close.ok"), ok -> {
                try {
                    agreementTasks.closeProject(taskId, note.getValue());
                    done(getTranslation("workflow.close.done"));
                } catch (AgreementRefused refused) {
                    note.setErrorMessage(refused.getMessage());
                    note.setInvalid(true);
                } catch (TaskGone gone) {
                    gone(gone);
                }
            });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.open();
        });
        close.setId("close-project");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div panel = new Div(new H3(getTranslation("workflow.close.heading")),
                new Paragraph(getTranslation("workflow.close.text")), note, close);
        panel.addClassName("form-section");
        add(panel, new AgreementPanel(agreements, proposalId));
    }
}
