package org.consilium.workflow;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.util.List;
import java.util.Optional;
import org.consilium.proposal.ProposalDetails;
import org.consilium.proposal.ProposalPageSection;
import org.consilium.ui.Formats;
import org.consilium.ui.ReadOnlyTable;
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
        section.add(new ReadOnlyTable<TaskInboxService.OpenTask>()
                .column(Translations.t("workflow.column.task"), TaskInboxService.OpenTask::name)
                .column(Translations.t("workflow.currentTasks.heldBy"), TaskInboxService.OpenTask::heldBy)
                .narrowColumn(Translations.t("workflow.column.due"), t -> t.due() == null ? "—" : Formats.dateTime(t.due()))
                .of(null, open, Translations.t("workflow.currentTasks.empty")));
        return Optional.of(section);
    }
}
