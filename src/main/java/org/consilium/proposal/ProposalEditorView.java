package org.consilium.proposal;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.member.MemberService;
import org.consilium.security.Roles;
import org.consilium.ui.Problems;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * Drafting a proposal: save at any time, submit when complete. Leaving with unsaved changes asks first,
 * inside the portal and when the browser tab is closed or reloaded.
 */
@Route("proposals/:proposalId([0-9]{1,18})/edit")
@RolesAllowed(Roles.RESEARCHER)
class ProposalEditorView extends Div implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    private static final String PARAMETER = "proposalId";

    private final ProposalService proposals;
    private final MemberService members;
    private final Span state = new Span();
    private ProposalForm form;
    private Long proposalId;
    private long lockVersion;
    private boolean revision;

    ProposalEditorView(ProposalService proposals, MemberService members) {
        this.proposals = proposals;
        this.members = members;
        addClassName("page");
    }

    static RouteParameters parameters(Long proposalId) {
        return new RouteParameters(PARAMETER, String.valueOf(proposalId));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("proposal.editor.pageTitle");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        proposalId = Long.valueOf(event.getRouteParameters().get(PARAMETER).orElseThrow());
        ProposalDraft draft;
        try {
            draft = proposals.openDraft(proposalId);
        } catch (ProposalNotFound e) {
            event.rerouteToError(NotFoundException.class, e.getLocalizedMessage());
            return;
        } catch (ProposalAccessDenied e) {
            event.rerouteToError(AccessDeniedException.class, e.getLocalizedMessage());
            return;
        }
        lockVersion = draft.lockVersion();
        build(draft);
    }

    private void build(ProposalDraft draft) {
        removeAll();
        form = new ProposalForm(members);
        form.read(draft.content());
        form.addChangeListener(this::changed);

        Button save = new Button(getTranslation("proposal.editor.save"), VaadinIcon.DISC.create(), e -> save());
        save.setId("save-draft");
        save.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL);
        revision = draft.reference() != null;
        Button submit = new Button(getTranslation(revision ? "proposal.editor.resubmit" : "proposal.editor.submit"), VaadinIcon.PAPERPLANE.create(),
                e -> confirmSubmit());
        submit.setId("submit-proposal");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button(getTranslation("proposal.editor.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(MyProposalsView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        state.setId("draft-state");
        state.getElement().getThemeList().add("badge contrast");
        changed();

        Div spacer = new Div();
        H2 heading = new H2(revision ? getTranslation("proposal.editor.heading.revision", draft.reference())
                : getTranslation("proposal.editor.heading.draft", String.valueOf(draft.id())));
        heading.getStyle().set("white-space", "nowrap");
        HorizontalLayout actions = new HorizontalLayout(back, heading, state, spacer, save, submit);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        // Longer words (French) move the buttons to a second line rather than squeeze the heading.
        actions.getStyle().set("flex-wrap", "wrap");
        actions.expand(spacer);
        actions.addClassName("action-bar");
        actions.setWidthFull();

        Paragraph hint = new Paragraph(getTranslation("proposal.editor.hint"));
        hint.addClassName("hint");

        Div attachments = new Div(new H3(getTranslation("proposal.section.attachments.numbered")), new AttachmentsPanel(proposals, draft.id(),
                draft.attachments(), true));
        attachments.addClassName("form-section");
        attachments.setId("section-attachments");

        add(actions, hint, form, attachments);
    }

    private void changed() {
        boolean dirty = form.hasChanges();
        state.setText(getTranslation(dirty ? "proposal.editor.unsaved" : "proposal.editor.saved"));
        // Lets the browser warn before the tab is closed or reloaded with unsaved changes.
        getElement().executeJs("window.consiliumUnsaved = $0;"
                + "if (!window.consiliumUnloadGuard) { window.consiliumUnloadGuard = true;"
                + " window.addEventListener('beforeunload', e => { if (window.consiliumUnsaved) {"
                + " e.preventDefault(); e.returnValue = ''; } }); }", dirty);
    }

    private boolean save() {
        ProposalContent content = form.valuesIfValid();
        if (content == null) {
            Problems.show(getTranslation("proposal.editor.outOfRange"));
            return false;
        }
        try {
            lockVersion = proposals.saveDraft(proposalId, lockVersion, content);
            form.read(content);
            changed();
            Problems.success(getTranslation("proposal.editor.savedNotice"));
            return true;
        } catch (ProposalNotValid e) {
            form.showProblems(e.problems());
        } catch (ProposalChangedElsewhere | ObjectOptimisticLockingFailureException e) {
            Problems.show(getTranslation("proposal.changedElsewhere"));
        }
        return false;
    }

    private void confirmSubmit() {
        ProposalContent content = form.valuesIfValid();
        if (content == null) {
            Problems.show(getTranslation("proposal.editor.outOfRange"));
            return;
        }
        ConfirmDialog confirm = revision
                ? new ConfirmDialog(getTranslation("proposal.resubmit.title"), getTranslation("proposal.resubmit.text"),
                        getTranslation("proposal.resubmit.confirm"), e -> submit(content))
                : new ConfirmDialog(getTranslation("proposal.submit.title"), getTranslation("proposal.submit.text"),
                        getTranslation("proposal.submit.confirm"), e -> submit(content));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("proposal.submit.notYet"));
        confirm.setId("confirm-submit");
        confirm.open();
    }

    private void submit(ProposalContent content) {
        try {
            SubmissionReceipt receipt = proposals.submit(proposalId, lockVersion, content);
            form.read(content);
            changed();
            Problems.success(getTranslation("proposal.submit.done", receipt.reference(),
                    String.valueOf(receipt.version())));
            getUI().ifPresent(ui -> ui.navigate(ProposalView.class, ProposalView.parameters(receipt.proposalId())));
        } catch (ProposalNotValid e) {
            form.showProblems(e.problems());
            Problems.show(getTranslation("proposal.submit.incomplete", e.problems().size()));
        } catch (ProposalChangedElsewhere | ObjectOptimisticLockingFailureException e) {
            Problems.show(getTranslation("proposal.changedElsewhere"));
        }
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (form == null || !form.hasChanges()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("proposal.leave.title"),
                getTranslation("proposal.leave.text"), getTranslation("proposal.leave.save"),
                e -> {
                    if (save()) {
                        action.proceed();
                    }
                });
        confirm.setRejectable(true);
        confirm.setRejectText(getTranslation("proposal.leave.discard"));
        confirm.addRejectListener(e -> {
            form.read(proposals.openDraft(proposalId).content());
            changed();
            action.proceed();
        });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("proposal.leave.stay"));
        confirm.addCancelListener(e -> action.cancel());
        confirm.setId("confirm-leave");
        confirm.open();
    }
}
