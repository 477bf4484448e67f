package org.consilium.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.consilium.agreement.AgreementDeadlines;
import org.consilium.agreement.AgreementOverview;
import org.consilium.agreement.AgreementPanel;
import org.consilium.agreement.AgreementRefused;
import org.consilium.agreement.AgreementService;
import org.consilium.agreement.PdfLinks;
import org.consilium.agreement.VersionState;
import org.consilium.proposal.ProposalService;
import org.consilium.security.Roles;
import org.consilium.ui.Problems;

/** Staff generate the agreement, preview it in the page, and send the latest version for signature. */
@Route("tasks/:taskId/agreement")
@PageTitle("Prepare the agreement · Consilium")
@RolesAllowed(Roles.STAFF)
class PrepareAgreementView extends TaskScreen {

    private final AgreementTaskService agreementTasks;
    private final AgreementService agreements;
    private final ProposalService proposals;
    private final AgreementDeadlines deadlines;
    private Select<Locale> language;

    PrepareAgreementView(AgreementTaskService agreementTasks, AgreementService agreements, ProposalService proposals,
                         AgreementDeadlines deadlines) {
        this.agreementTasks = agreementTasks;
        this.agreements = agreements;
        this.proposals = proposals;
        this.deadlines = deadlines;
    }

    @Override
    protected void render() {
        Long proposalId = agreementTasks.proposalOfStaffTask(taskId, ProposalLifecycle.PREPARE_AGREEMENT_TASK);
        AgreementOverview overview = agreements.overview(proposalId).orElse(null);
        AgreementOverview.Version latest = overview == null ? null : overview.latest();

        Div panel = new Div(new H3("Prepare the data-access agreement — "
                + proposals.standing(proposalId).reference()));
        panel.addClassName("form-section");
        panel.setId("prepare-agreement");
        panel.add(new Paragraph("Generate the agreement from the approved proposal, the ethics conditions and the"
                + " patient organisations' recommendations. Check the preview, then send it for signature: the lead"
                + " organisation's signatory signs first, then the foundation's."));
        IntegerField months = AgreementPanel.monthsField(overview == null ? deadlines.defaultAccessMonths()
                : overview.accessMonths());
        language = AgreementPanel.languageField(latest == null ? null : latest.language());
        Button generate = new Button(latest == null ? "Generate the agreement" : "Generate version "
                + (latest.number() + 1), e -> generate(proposalId, months, latest == null ? 0 : latest.number()));
        generate.setId("generate-version");
        HorizontalLayout bar = new HorizontalLayout(months, language, generate);
        bar.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        panel.add(bar);

        if (latest != null && latest.state() == VersionState.DRAFT) {
            int number = latest.number();
            Paragraph preview = new Paragraph("Preview of version " + number + " (SHA-256 " + latest.sha256() + ")");
            preview.addClassName("fingerprint");
            panel.add(preview,
                    PdfLinks.open("Open version " + number + " in a new tab", () -> agreements.version(proposalId, number)),
                    PdfLinks.preview("Agreement version " + number, () -> agreements.version(proposalId, number)));
            Button send = new Button("Send version " + number + " for signature…", e -> confirmSend(number));
            send.setId("send-for-signature");
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            panel.add(new Div(send));
        }
        add(panel, new AgreementPanel(agreements, proposalId));
    }

    private void generate(Long proposalId, IntegerField months, int seenLatest) {
        try {
            int number = agreements.generate(proposalId, months.getValue() == null ? 0 : months.getValue(),
                    seenLatest, language.getValue());
            Problems.success("Version " + number + " generated. Check the preview before sending it.");
            show();
        } catch (AgreementRefused refused) {
            if (refused.field() == null) {
                Problems.show(refused.getMessage());
                show();
            } else {
                months.setErrorMessage(refused.getMessage());
                months.setInvalid(true);
            }
        } catch (TaskGone gone) {
            gone(gone);
        }
    }

    private void confirmSend(int number) {
        ConfirmDialog confirm = new ConfirmDialog("Send version " + number + " for signature?",
                "The lead organisation's signatories are asked to sign it now. A later change needs a new version,"
                        + " which voids the signatures given.", "Send", ok -> {
            try {
                agreementTasks.sendForSignature(taskId);
                done("Version " + number + " sent for signature.");
            } catch (AgreementRefused refused) {
                Problems.show(refused.getMessage());
            } catch (TaskGone gone) {
                gone(gone);
            }
        });
        confirm.setCancelable(true);
        confirm.open();
    }
}
