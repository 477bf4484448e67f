package org.consilium.workflow;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.util.List;
import java.util.Optional;
import org.consilium.proposal.ProposalDetails;
import org.consilium.proposal.ProposalPageSection;
import org.consilium.ui.Formats;

/** The proposal page's list of open tasks: what waits, for whom, until when. */
@org.springframework.stereotype.Component
class CurrentTasksSection implements ProposalPageSection {

    private final TaskInboxService inbox;

    CurrentTasksSection(TaskInboxService inbox) {
        this.inbox = inbox;
    }

    @Override
    public Optional<Component> section(ProposalDetails details, boolean viewerIsApplicant) {
        if (details.reference() == null) {
            return Optional.empty();
        }
        List<TaskInboxService.OpenTask> open = inbox.openTasksOf(details.reference());
        Div section = new Div(new H3("Current tasks"));
        section.addClassName("form-section");
        section.setId("current-tasks");
        Grid<TaskInboxService.OpenTask> grid = new Grid<>();
        grid.addColumn(TaskInboxService.OpenTask::name).setHeader("Task").setAutoWidth(true);
        grid.addColumn(TaskInboxService.OpenTask::heldBy).setHeader("Held by / offered to").setFlexGrow(1);
        grid.addColumn(t -> t.due() == null ? "—" : Formats.dateTime(t.due())).setHeader("Due").setAutoWidth(true);
        grid.setItems(open);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("No open task: the process has ended or waits for nobody.");
        section.add(grid);
        return Optional.of(section);
    }
}
