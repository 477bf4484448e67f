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
import com.vaadin.flow.router.PageTitle;
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
@PageTitle("Edit proposal · Consilium")
@RolesAllowed(Roles.RESEARCHER)
class ProposalEditorView extends Div implements BeforeEnterObserver, BeforeLeaveObserver {

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
    public void beforeEnter(BeforeEnterEvent event) {
        proposalId = Long.valueOf(event.getRouteParameters().get(PARAMETER).orElseThrow());
        ProposalDraft draft;
        try {
            draft = proposals.openDraft(proposalId);
        } catch (ProposalNotFound e) {
            event.rerouteToError(NotFoundException.class, e.getMessage());
            return;
        } catch (ProposalAccessDenied e) {
            event.rerouteToError(AccessDeniedException.class, e.getMessage());
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

        Button save = new Button("Save draft", VaadinIcon.DISC.create(), e -> save());
        save.setId("save-draft");
        save.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL);
        revision = draft.reference() != null;
        Button submit = new Button(revision ? "Resubmit…" : "Submit…", VaadinIcon.PAPERPLANE.create(),
                e -> confirmSubmit());
        submit.setId("submit-proposal");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button("My proposals", VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(MyProposalsView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        state.setId("draft-state");
        state.getElement().getThemeList().add("badge contrast");
        changed();

        Div spacer = new Div();
        HorizontalLayout actions = new HorizontalLayout(back, new H2(revision ? "Revising " + draft.reference() : "Draft proposal #" + draft.id()), state, spacer,
                save, submit);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.expand(spacer);
        actions.addClassName("action-bar");
        actions.setWidthFull();

        Paragraph hint = new Paragraph("Save the draft at any time; fields marked with a dot are needed to submit."
                + " Submitting freezes version 1, which can then no longer be edited.");
        hint.addClassName("hint");

        Div attachments = new Div(new H3("7. Attachments"), new AttachmentsPanel(proposals, draft.id(),
                draft.attachments(), true));
        attachments.addClassName("form-section");
        attachments.setId("section-attachments");

        add(actions, hint, form, attachments);
    }

    private void changed() {
        boolean dirty = form.hasChanges();
        state.setText(dirty ? "Unsaved changes" : "All changes saved");
        // Lets the browser warn before the tab is closed or reloaded with unsaved changes.
        getElement().executeJs("window.consiliumUnsaved = $0;"
                + "if (!window.consiliumUnloadGuard) { window.consiliumUnloadGuard = true;"
                + " window.addEventListener('beforeunload', e => { if (window.consiliumUnsaved) {"
                + " e.preventDefault(); e.returnValue = ''; } }); }", dirty);
    }

    private boolean save() {
        ProposalContent content = form.valuesIfValid();
        if (content == null) {
            Problems.show("Some fields are too long or out of range; they are marked in the form.");
            return false;
        }
        try {
            lockVersion = proposals.saveDraft(proposalId, lockVersion, content);
            form.read(content);
            changed();
            Problems.success("Draft saved.");
            return true;
        } catch (ProposalNotValid e) {
            form.showProblems(e.problems());
        } catch (ProposalChangedElsewhere | ObjectOptimisticLockingFailureException e) {
            Problems.show(new ProposalChangedElsewhere().getMessage());
        }
        return false;
    }

    private void confirmSubmit() {
        ProposalContent content = form.valuesIfValid();
        if (content == null) {
            Problems.show("Some fields are too long or out of range; they are marked in the form.");
            return;
        }
        ConfirmDialog confirm = revision
                ? new ConfirmDialog("Resubmit this proposal?", "Resubmitting freezes your changes as a new version,"
                        + " which reviewers can compare with the one they saw, and sends it back to the reviewers.",
                        "Resubmit", e -> submit(content))
                : new ConfirmDialog("Submit this proposal?",
                "Submitting gives the proposal its reference and freezes version 1: it can then no longer be"
                        + " edited, and the foundation's governance office starts its completeness check.",
                "Submit", e -> submit(content));
        confirm.setCancelable(true);
        confirm.setCancelText("Not yet");
        confirm.setId("confirm-submit");
        confirm.open();
    }

    private void submit(ProposalContent content) {
        try {
            SubmissionReceipt receipt = proposals.submit(proposalId, lockVersion, content);
            form.read(content);
            changed();
            Problems.success("Submitted as " + receipt.reference() + " (version " + receipt.version() + ").");
            getUI().ifPresent(ui -> ui.navigate(ProposalView.class, ProposalView.parameters(receipt.proposalId())));
        } catch (ProposalNotValid e) {
            form.showProblems(e.problems());
            Problems.show("The proposal is not complete yet: " + e.problems().size()
                    + " point(s) to fix, listed above the form.");
        } catch (ProposalChangedElsewhere | ObjectOptimisticLockingFailureException e) {
            Problems.show(new ProposalChangedElsewhere().getMessage());
        }
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (form == null || !form.hasChanges()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        ConfirmDialog confirm = new ConfirmDialog("Leave without saving?",
                "You have changes that are not saved. They will be lost if you leave.", "Save and leave",
                e -> {
                    if (save()) {
                        action.proceed();
                    }
                });
        confirm.setRejectable(true);
        confirm.setRejectText("Discard changes");
        confirm.addRejectListener(e -> {
            form.read(proposals.openDraft(proposalId).content());
            changed();
            action.proceed();
        });
        confirm.setCancelable(true);
        confirm.setCancelText("Stay");
        confirm.addCancelListener(e -> action.cancel());
        confirm.setId("confirm-leave");
        confirm.open();
    }
}
