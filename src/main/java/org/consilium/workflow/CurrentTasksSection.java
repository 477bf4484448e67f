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
import org.consilium.ui.Translations;

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
        Div section = new Div(new H3(Translations.t("workflow.currentTasks.heading")));
        section.addClassName("form-section");
        section.setId("current-tasks");
        Grid<TaskInboxService.OpenTask> grid = new Grid<>();
        grid.addColumn(TaskInboxService.OpenTask::name).setHeader(Translations.t("workflow.column.task"))
                .setAutoWidth(true);
        grid.addColumn(TaskInboxService.OpenTask::heldBy).setHeader(Translations.t("workflow.currentTasks.heldBy"))
                .setFlexGrow(1);
        grid.addColumn(t -> t.due() == null ? "—" : Formats.dateTime(t.due()))
                .setHeader(Translations.t("workflow.column.due")).setAutoWidth(true);
        grid.setItems(open);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText(Translations.t("workflow.currentTasks.empty"));
        section.add(grid);
        return Optional.of(section);
    }
}
