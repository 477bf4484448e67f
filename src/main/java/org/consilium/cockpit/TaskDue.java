package org.consilium.cockpit;

/** Which open tasks a task list shows, by their due date. */
public enum TaskDue {
    /** Due before now. */
    OVERDUE,
    /** Due from now until the end of the "due soon" window. */
    SOON,
    /** Every open task, with or without a due date. */
    ALL
}
