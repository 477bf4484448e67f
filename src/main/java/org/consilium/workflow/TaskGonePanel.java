package org.consilium.workflow;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;

/** What a task screen shows when its task is no longer open for this person. */
final class TaskGonePanel extends Div {

    TaskGonePanel() {
        add(new H3(getTranslation("workflow.taskGone.heading")), new Paragraph(getTranslation("workflow.taskGone.message")),
                new RouterLink(getTranslation("workflow.taskGone.back"), TaskInboxView.class));
        addClassName("refusal");
        setId("task-gone");
    }
}
