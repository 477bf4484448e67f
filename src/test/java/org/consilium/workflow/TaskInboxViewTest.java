package org.consilium.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.consilium.InUi;
import org.consilium.SignIn;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.consilium.member.Role;
import org.consilium.security.CurrentUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The inbox grid reads its pages without counting the person's tasks first (Vaadin's undefined size): a count read
 * as many rows as a page, at every opening of the inbox. It still lists every task the person may act on, oldest
 * first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
class TaskInboxViewTest {

    @Autowired
    ApplicationContext applicationContext;
    @Autowired
    TaskInboxService inbox;
    @Autowired
    Clock clock;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    UserDetailsService users;
    @Autowired
    TaskService engineTasks;

    private final List<String> offeredToStaff = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        offeredToStaff.forEach(id -> engineTasks.deleteTask(id, true));
        SignIn.out();
    }

    /** More tasks than a page holds (25), offered to staff as the process offers its tasks: to a role's group. */
    private void offerTasksToStaff(int count) {
        for (int i = 0; i < count; i++) {
            Task task = engineTasks.newTask();
            task.setName("Inbox test " + i);
            engineTasks.saveTask(task);
            engineTasks.addCandidateGroup(task.getId(), Role.STAFF.name());
            offeredToStaff.add(task.getId());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_inbox_lists_the_tasks_without_counting_them() {
        offerTasksToStaff(30);
        new SignIn(users).as("staff");
        List<String> tasks = inbox.myTasks(0, 1_000).stream().map(InboxTask::taskId).toList();
        assertThat(tasks).containsAll(offeredToStaff);

        Grid<InboxTask> grid = InUi.build(applicationContext, Locale.ENGLISH, () ->
                (Grid<InboxTask>) new TaskInboxView(inbox, clock, currentUser).getChildren()
                        .filter(c -> c.getId().filter("task-inbox"::equals).isPresent()).findFirst().orElseThrow());

        assertThat(grid.getDataCommunicator().isDefinedSize()).as("no count before the pages").isFalse();
        assertThat(grid.getLazyDataView().getItems().map(InboxTask::taskId).toList()).isEqualTo(tasks);
    }
}
