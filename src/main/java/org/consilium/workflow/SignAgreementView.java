package org.consilium.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.agreement.AgreementRefused;
import org.consilium.agreement.AgreementService;
import org.consilium.agreement.PdfLinks;
import org.consilium.agreement.SignatureLine;
import org.consilium.agreement.SigningParty;
import org.consilium.security.Roles;
import org.consilium.ui.Formats;
import org.consilium.ui.Problems;
import org.springframework.security.access.AccessDeniedException;

/**
 * A signatory reads the version out for signature and signs it: re-entering their password and
 * confirming on whose behalf they sign.
 */
@Route("tasks/:taskId/sign")
@RolesAllowed(Roles.SIGNATORY)
class SignAgreementView extends TaskScreen {

    private final AgreementTaskService agreementTasks;
    private final AgreementService agreements;

    SignAgreementView(AgreementTaskService agreementTasks, AgreementService agreements) {
        this.agreementTasks = agreementTasks;
        this.agreements = agreements;
    }

    @Override
    protected String titleKey() {
        return "workflow.sign.title";
    }

    @Override
    protected void render() {
        AgreementTaskService.SigningTask signing = agreementTasks.openSigning(taskId);
        Long proposalId = signing.proposalId();
        AgreementService.ToSign toSign;
        try {
            toSign = agreements.toSign(proposalId, signing.party());
        } catch (AccessDeniedException | AgreementRefused refused) {
            add(new Paragraph(refused.getMessage()));
            return;
        }
        int version = toSign.version();
        boolean lead = signing.party() == SigningParty.LEAD_ORGANISATION;
        Div panel = new Div(new H3(lead ? getTranslation("workflow.sign.heading.lead", toSign.reference())
                : getTranslation("workflow.sign.heading.foundation", toSign.reference())));
        panel.addClassName("form-section");
        panel.setId("sign-agreement");
        panel.add(new Paragraph(lead
                        ? getTranslation("workflow.sign.text.lead", version, toSign.generatedBy(), toSign.organisation())
                        : getTranslation("workflow.sign.text.foundation", version, toSign.generatedBy(),
                                toSign.organisation())),
                fingerprint(getTranslation("workflow.sign.fingerprint", toSign.sha256())),
                PdfLinks.open(getTranslation("workflow.sign.open"), () -> agreements.version(proposalId, version)),
                PdfLinks.preview(getTranslation("workflow.agreementVersion", version),
                        () -> agreements.version(proposalId, version)));
        Button sign = new Button(getTranslation("workflow.sign.sign"), e -> signDialog(version, toSign));
        sign.setId("sign");
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        panel.add(new Div(sign));
        add(panel);
    }

    private void signDialog(int version, AgreementService.ToSign toSign) {
        Dialog dialog = new Dialog();
        dialog.setId("signing-dialog");
        dialog.setHeaderTitle(getTranslation("workflow.sign.dialog.title", version));
        Checkbox meaning = new Checkbox(toSign.meaning());
        meaning.setId("signing-meaning");
        PasswordField password = new PasswordField(getTranslation("workflow.sign.password"));
        password.setId("signing-password");
        password.setHelperText(getTranslation("workflow.sign.password.helper"));
        password.setMaxLength(200);
        password.setWidthFull();
        Button sign = new Button(getTranslation("workflow.sign.confirm"), e -> {
            try {
                SignatureLine line = agreementTasks.sign(taskId, version, password.getValue(), meaning.getValue());
                dialog.close();
                done(getTranslation("workflow.sign.done", line.organisation(), Formats.dateTime(line.signedAt())));
            } catch (AgreementRefused refused) {
                if ("password".equals(refused.field())) {
                    password.clear();
                    password.setErrorMessage(refused.getMessage());
                    password.setInvalid(true);
                } else if ("meaning".equals(refused.field())) {
                    meaning.getElement().setAttribute("invalid", true);
                    Problems.show(refused.getMessage());
                } else {
                    dialog.close();
                    Problems.show(refused.getMessage());
                }
            } catch (AccessDeniedException denied) {
                dialog.close();
                Problems.show(denied.getMessage());
            } catch (TaskGone gone) {
                dialog.close();
                gone(gone);
            }
        });
        sign.setId("confirm-signature");
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(fingerprint(getTranslation("workflow.sign.dialog.fingerprint", toSign.sha256())), meaning, password);
        dialog.setWidth("34rem");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), sign);
        dialog.open();
        password.focus();
    }

    private static Paragraph fingerprint(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("fingerprint");
        return p;
    }
}
