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
    protected String titleKey() {
        return "workflow.prepare.title";
    }

    @Override
    protected void render() {
        Long proposalId = agreementTasks.proposalOfStaffTask(taskId, ProposalLifecycle.PREPARE_AGREEMENT_TASK);
        AgreementOverview overview = agreements.overview(proposalId).orElse(null);
        AgreementOverview.Version latest = overview == null ? null : overview.latest();

        Div panel = new Div(new H3(getTranslation("workflow.prepare.heading",
                proposals.standing(proposalId).reference())));
        panel.addClassName("form-section");
        panel.setId("prepare-agreement");
        panel.add(new Paragraph(getTranslation("workflow.prepare.text")));
        IntegerField months = AgreementPanel.monthsField(overview == null ? deadlines.defaultAccessMonths()
                : overview.accessMonths());
        language = AgreementPanel.languageField(latest == null ? null : latest.language());
        Button generate = new Button(latest == null ? getTranslation("workflow.prepare.generate")
                : getTranslation("workflow.prepare.generateVersion", latest.number() + 1),
                e -> generate(proposalId, months, latest == null ? 0 : latest.number()));
        generate.setId("generate-version");
        HorizontalLayout bar = new HorizontalLayout(months, language, generate);
        bar.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        panel.add(bar);

        if (latest != null && latest.state() == VersionState.DRAFT) {
            int number = latest.number();
            Paragraph preview = new Paragraph(getTranslation("workflow.prepare.preview", number, latest.sha256()));
            preview.addClassName("fingerprint");
            panel.add(preview,
                    PdfLinks.open(getTranslation("workflow.prepare.open", number),
                            () -> agreements.version(proposalId, number)),
                    PdfLinks.preview(getTranslation("workflow.agreementVersion", number),
                            () -> agreements.version(proposalId, number)));
            Button send = new Button(getTranslation("workflow.prepare.send", number), e -> confirmSend(number));
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
            Problems.success(getTranslation("workflow.prepare.generated", number));
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
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("workflow.prepare.send.confirm", number),
                getTranslation("workflow.prepare.send.confirm.text"), getTranslation("workflow.prepare.send.ok"), ok -> {
            try {
                agreementTasks.sendForSignature(taskId);
                done(getTranslation("workflow.prepare.sent", number));
            } catch (AgreementRefused refused) {
                Problems.show(refused.getMessage());
            } catch (TaskGone gone) {
                gone(gone);
            }
        });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.open();
    }
}
