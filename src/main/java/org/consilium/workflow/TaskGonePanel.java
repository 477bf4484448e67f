package org.consilium.workflow;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;

/** What a task screen shows when its task is no longer open for this person. */
final class TaskGonePanel extends Div {

    TaskGonePanel(TaskGone gone) {
        super(new H3("Task no longer open"), new Paragraph(gone.getMessage()),
                new RouterLink("Back to the task inbox", TaskInboxView.class));
        addClassName("refusal");
        setId("task-gone");
    }
}
