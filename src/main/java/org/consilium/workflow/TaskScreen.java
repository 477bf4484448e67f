package org.consilium.workflow;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import org.consilium.ui.Problems;

/**
 * A screen made for one kind of task, at {@code tasks/:taskId/...}. Shows the task if it is still open
 * for the signed-in person, or says plainly that it is gone; after a decision, returns to the inbox.
 * Its title is the translated text of {@link #titleKey()}.
 */
abstract class TaskScreen extends Div implements BeforeEnterObserver, HasDynamicTitle {

    protected String taskId;

    TaskScreen() {
        addClassName("page");
    }

    @Override
    public final void beforeEnter(BeforeEnterEvent event) {
        taskId = event.getRouteParameters().get("taskId").orElse("");
        show();
    }

    @Override
    public final String getPageTitle() {
        return getTranslation("workflow.screen.title", getTranslation(titleKey()));
    }

    /** The key of the screen's name, for the browser's title bar. */
    protected abstract String titleKey();

    /** Builds the screen for the open task; throws {@link TaskGone} if it is not open for this person. */
    protected abstract void render();

    protected final void show() {
        removeAll();
        try {
            render();
        } catch (TaskGone gone) {
            add(new TaskGonePanel());
        }
    }

    protected final void done(String message) {
        Problems.success(message);
        getUI().ifPresent(ui -> ui.navigate(TaskInboxView.class));
    }

    protected final void gone(TaskGone gone) {
        Problems.show(getTranslation("workflow.taskGone.message"));
        getUI().ifPresent(ui -> ui.navigate(TaskInboxView.class));
    }
}
