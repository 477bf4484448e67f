package org.consilium.workflow;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import org.consilium.security.CurrentUser;
import org.consilium.ui.Formats;
import org.consilium.ui.Problems;

/** The tasks the signed-in person may act on, oldest first, paged from the engine. */
@Route("inbox")
@PageTitle("Task inbox · Consilium")
@Menu(title = "Task inbox", order = 1, icon = "INBOX")
@PermitAll
class TaskInboxView extends Div {

    TaskInboxView(TaskInboxService inbox, Clock clock, CurrentUser currentUser) {
        String me = currentUser.require().getUsername();
        addClassName("page");
        setSizeFull();

        Grid<InboxTask> grid = new Grid<>();
        grid.setId("task-inbox");
        grid.addColumn(InboxTask::name).setHeader("Task").setAutoWidth(true);
        grid.addColumn(t -> t.reference() == null ? "" : t.reference()).setHeader("Proposal").setAutoWidth(true);
        grid.addColumn(t -> t.proposalTitle() == null ? "" : t.proposalTitle()).setHeader("Title").setFlexGrow(1)
                .setWidth("16em");
        grid.addColumn(t -> Formats.dateTime(t.created())).setHeader("Waiting since").setAutoWidth(true);
        grid.addColumn(t -> t.due() == null ? "—" : Formats.dateTime(t.due())).setHeader("Due").setAutoWidth(true);
        grid.addColumn(t -> t.assignee() == null ? "open to your group" : t.heldBy(me) ? "you" : t.assignee())
                .setHeader("Held by").setAutoWidth(true);
        grid.addComponentColumn(t -> claimOrRelease(inbox, grid, t, me)).setAutoWidth(true).setFlexGrow(0);
        grid.setPartNameGenerator(t -> t.overdue(clock.instant()) ? "overdue" : null);
        grid.setItems(query -> inbox.myTasks(query.getOffset(), query.getLimit()).stream(),
                query -> (int) inbox.countMyTasks());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("Nothing waits for you.");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(TaskScreens.pathOf(e.getItem()))));
        org.consilium.ui.GridKeyboard.openRowsWithEnter(grid);
        grid.setHeight("60vh");

        grid.setTooltipGenerator(t -> t.overdue(clock.instant()) ? "Overdue" : null);
        add(new H2("Task inbox"),
                new Paragraph("Tasks offered to your roles and tasks you hold. Click a task to open its proposal."),
                grid);
    }

    /** Claim a task offered to the group, or give back one you hold (not those assigned to you by the process). */
    private static Button claimOrRelease(TaskInboxService inbox, Grid<InboxTask> grid, InboxTask task, String me) {
        boolean mine = task.heldBy(me);
        Button button = new Button(mine ? "Release" : "Claim", e -> {
            try {
                if (mine) {
                    inbox.release(task.taskId());
                } else {
                    inbox.claim(task.taskId());
                }
            } catch (TaskGone gone) {
                Problems.show(gone.getMessage());
            }
            grid.getDataProvider().refreshAll();
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setVisible(!ProposalLifecycle.PERSONAL_STEPS.contains(task.stepKey())
                && (task.assignee() == null || mine));
        // the button sits in a clickable row: its click must not also open the task
        button.getElement().executeJs("this.addEventListener('click', e => e.stopPropagation())");
        return button;
    }
}
