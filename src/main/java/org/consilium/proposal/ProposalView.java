package org.consilium.proposal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.textfield.TextArea;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.consilium.security.CurrentUser;
import org.consilium.ui.Problems;

/**
 * A proposal as submitted (or a draft, for its applicant). Anyone signed in may ask for it; the service
 * decides, record by record, and a refusal is shown as such.
 */
@Route("proposals/:proposalId([0-9]{1,18})")
@PermitAll
class ProposalView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final String PARAMETER = "proposalId";

    private final ProposalService proposals;
    private final List<ProposalPageSection> sections;
    private final CurrentUser currentUser;
    private String title;

    ProposalView(ProposalService proposals, List<ProposalPageSection> sections, CurrentUser currentUser) {
        this.proposals = proposals;
        this.sections = sections;
        this.currentUser = currentUser;
        addClassName("page");
    }

    static RouteParameters parameters(Long proposalId) {
        return new RouteParameters(PARAMETER, String.valueOf(proposalId));
    }

    @Override
    public String getPageTitle() {
        return title != null ? title : getTranslation("proposal.view.pageTitle");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long id = Long.valueOf(event.getRouteParameters().get(PARAMETER).orElseThrow());
        try {
            show(proposals.details(id));
        } catch (ProposalNotFound e) {
            event.rerouteToError(NotFoundException.class, e.getLocalizedMessage());
        } catch (ProposalAccessDenied e) {
            event.rerouteToError(AccessDeniedException.class, e.getLocalizedMessage());
        }
    }

    private void show(ProposalDetails details) {
        removeAll();
        title = getTranslation("proposal.view.pageTitle.named", ProposalReadout.name(details));
        HorizontalLayout actions = new HorizontalLayout();
        actions.setId("proposal-actions");
        if (details.editable()) {
            Button edit = new Button(getTranslation(details.reference() == null ? "proposal.view.edit" : "proposal.view.revise"), VaadinIcon.EDIT.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(ProposalEditorView.class,
                            ProposalEditorView.parameters(details.id()))));
            edit.setId("edit-proposal");
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(edit);
        }
        if (details.withdrawable()) {
            Button withdraw = new Button(getTranslation("proposal.withdraw.button"), VaadinIcon.CLOSE_CIRCLE.create(), e -> confirmWithdrawal(details));
            withdraw.setId("withdraw-proposal");
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            actions.add(withdraw);
        }
        if (actions.getComponentCount() > 0) {
            add(actions);
        }
        add(new ProposalReadout(proposals, details));
        boolean applicant = details.applicant().id().equals(currentUser.require().personId());
        sections.forEach(s -> s.section(details, applicant).ifPresent(this::add));
    }

    private void confirmWithdrawal(ProposalDetails details) {
        TextArea reason = new TextArea(getTranslation("proposal.withdraw.reason"));
        reason.setMaxLength(4_000);
        reason.setWidthFull();
        reason.setId("withdrawal-reason");
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("proposal.withdraw.title", details.reference()));
        confirm.setText(new Div(new Paragraph(getTranslation("proposal.withdraw.text")), reason));
        confirm.setConfirmText(getTranslation("proposal.withdraw.confirm"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.addConfirmListener(e -> {
            try {
                proposals.withdraw(details.id(), reason.getValue());
                Problems.success(getTranslation("proposal.withdraw.done", details.reference()));
            } catch (ProposalAccessDenied | ProposalNotValid refused) {
                Problems.show(refused.getLocalizedMessage());
            }
            show(proposals.details(details.id()));
        });
        confirm.open();
    }
}
