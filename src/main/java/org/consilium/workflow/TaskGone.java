package org.consilium.workflow;

/** The task was completed (or withdrawn) by someone else, or never was this person's to act on. */
public class TaskGone extends RuntimeException {

    /** In English for the log; screens say it with {@code workflow.taskGone.message} in the reader's language. */
    public TaskGone() {
        super("This task is no longer open: someone else has completed it, or the proposal has moved on."
                + " Your inbox shows what is still waiting for you.");
    }
}
