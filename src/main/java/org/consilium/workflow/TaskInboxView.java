package org.consilium.workflow;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import com.vaadin.flow.data.renderer.LitRenderer;
import org.consilium.security.CurrentUser;
import org.consilium.ui.Formats;
import org.consilium.ui.Problems;

/** The tasks the signed-in person may act on, oldest first, paged from the engine. */
@Route("inbox")
@Menu(title = "Task inbox", order = 1, icon = "INBOX")
@PermitAll
class TaskInboxView extends Div implements HasDynamicTitle {

    TaskInboxView(TaskInboxService inbox, Clock clock, CurrentUser currentUser) {
        String me = currentUser.require().getUsername();
        addClassName("page");
        setSizeFull();

        Grid<InboxTask> grid = new Grid<>();
        grid.setId("task-inbox");
        // Widths that fit a 1280-pixel window in both languages; long task names and titles wrap.
        grid.addColumn(InboxTask::name).setHeader(getTranslation("workflow.column.task")).setWidth("9.5em")
                .setFlexGrow(1);
        grid.addColumn(t -> t.reference() == null ? "" : t.reference())
                .setHeader(getTranslation("workflow.column.proposal")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.proposalTitle() == null ? "" : t.proposalTitle())
                .setHeader(getTranslation("workflow.column.title")).setWidth("9.5em").setFlexGrow(2);
        grid.addColumn(t -> Formats.dateTime(t.created())).setHeader(getTranslation("workflow.column.waitingSince"))
                .setWidth("8em").setFlexGrow(0);
        grid.addColumn(t -> t.due() == null ? "—" : Formats.dateTime(t.due()))
                .setHeader(getTranslation("workflow.column.due")).setWidth("8em").setFlexGrow(0);
        grid.addColumn(t -> t.assignee() == null ? getTranslation("workflow.inbox.openToGroup")
                        : t.heldBy(me) ? getTranslation("workflow.inbox.you") : t.assignee())
                .setHeader(getTranslation("workflow.column.heldBy")).setWidth("7em").setFlexGrow(1);
        grid.addColumn(claimOrRelease(inbox, grid, me)).setAutoWidth(true).setFlexGrow(0);
        grid.setPartNameGenerator(t -> t.overdue(clock.instant()) ? "overdue" : null);
        // No count: the grid learns how many tasks there are from a page shorter than it asked for (Vaadin's
        // undefined size). Counting them read as many rows as the page itself, at every opening of the inbox and so
        // after every task done.
        grid.setItems(query -> inbox.myTasks(query.getOffset(), query.getLimit()).stream());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("workflow.inbox.empty"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(TaskScreens.pathOf(e.getItem()))));
        org.consilium.ui.GridKeyboard.openRowsWithEnter(grid);
        grid.setHeight("60vh");
        // About twelve wrapped rows show at once: a page of 25 fills two screens, and each opening of the inbox (after
        // every task done) reads, renders and sends half what the default 50 did.
        grid.setPageSize(25);

        grid.setTooltipGenerator(t -> t.overdue(clock.instant()) ? getTranslation("workflow.inbox.overdue") : null);
        add(new H2(getTranslation("workflow.inbox.heading")), new Paragraph(getTranslation("workflow.inbox.intro")),
                grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workflow.inbox.title");
    }

    /**
     * Claim a task offered to the group, or give back one you hold (not those assigned to you by the process). One
     * template for every row, no component per row: a session keeps no button, listener or state node for each task.
     */
    private LitRenderer<InboxTask> claimOrRelease(TaskInboxService inbox, Grid<InboxTask> grid, String me) {
        // The button sits in a clickable row: its click must not also open the task. Vaadin's grid connector already
        // sends no item click for a click on a focusable element such as a button; stopping the event keeps it so.
        return LitRenderer.<InboxTask>of("""
                        ${item.label ? html`<vaadin-button class="claim-release" theme="small tertiary"
                            @click=${e => { e.stopPropagation(); act(); }}>${item.label}</vaadin-button>` : ''}""")
                .withProperty("label", task -> canClaimOrRelease(task, me)
                        ? getTranslation(task.heldBy(me) ? "workflow.inbox.release" : "workflow.inbox.claim") : null)
                .withFunction("act", task -> {
                    if (!canClaimOrRelease(task, me)) {
                        return; // a row without the button: only a crafted request calls this (the service checks as well)
                    }
                    try {
                        if (task.heldBy(me)) {
                            inbox.release(task.taskId());
                        } else {
                            inbox.claim(task.taskId());
                        }
                    } catch (TaskGone gone) {
                        Problems.show(getTranslation("workflow.taskGone.message"));
                    }
                    grid.getDataProvider().refreshAll();
                });
    }

    /** Not for the steps the process gives one person, nor for a task someone else holds. */
    static boolean canClaimOrRelease(InboxTask task, String me) {
        return !ProposalLifecycle.PERSONAL_STEPS.contains(task.stepKey()) && (task.assignee() == null || task.heldBy(me));
    }
}
