package org.consilium.cockpit;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.Writer;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.consilium.cockpit.Lines.TaskFilter;
import org.consilium.cockpit.Lines.TaskLine;
import org.consilium.member.MemberService;
import org.consilium.security.Roles;
import org.consilium.ui.Formats;
import org.consilium.workflow.ProposalLifecycle;

/** Open tasks by due date, step and proposal: the list behind the cockpit's task figures ({@code ?due=overdue&step=…}). */
@Route("cockpit/tasks")
@RolesAllowed({Roles.STAFF, Roles.ADMINISTRATOR})
class TaskListView extends CockpitListView<TaskLine> {

    /** The steps of proposal-lifecycle that have tasks, in the order of the process. */
    static final List<String> STEPS = List.of(ProposalLifecycle.CHECK_COMPLETENESS_TASK,
            ProposalLifecycle.REVISE_PROPOSAL_TASK, ProposalLifecycle.CAST_VOTE_TASK,
            ProposalLifecycle.DECIDE_ON_QUORUM_TASK, ProposalLifecycle.EXPEDITED_ETHICS_REVIEW_TASK,
            ProposalLifecycle.FULL_ETHICS_REVIEW_TASK, ProposalLifecycle.REVISE_FOR_ETHICS_TASK,
            ProposalLifecycle.PREPARE_AGREEMENT_TASK, ProposalLifecycle.LEAD_SIGNATURE_TASK,
            ProposalLifecycle.FOUNDATION_SIGNATURE_TASK, ProposalLifecycle.CHASE_OR_CANCEL_TASK,
            ProposalLifecycle.REPORT_OUTPUTS_TASK, ProposalLifecycle.CLOSE_PROJECT_TASK);

    private final CockpitService cockpit;
    private final MemberService members;
    private final Clock clock;
    private final Map<Long, String> organisationNames = new HashMap<>();
    private final ComboBox<TaskDue> due = new ComboBox<>();
    private final ComboBox<String> step = new ComboBox<>();
    private final TextField reference = new TextField();

    TaskListView(CockpitService cockpit, MemberService members, Clock clock) {
        super("cockpit-task-list", "cockpit/tasks");
        this.cockpit = cockpit;
        this.members = members;
        this.clock = clock;
        due.setLabel(getTranslation("cockpit.tasks.due"));
        due.setId("cockpit-task-due");
        due.setItems(TaskDue.values());
        due.setItemLabelGenerator(d -> getTranslation(LabelKeys.due(d)));
        due.addValueChangeListener(e -> filtersChanged());
        step.setLabel(getTranslation("cockpit.tasks.step"));
        step.setId("cockpit-task-step");
        step.setItems(STEPS);
        step.setItemLabelGenerator(s -> getTranslation(LabelKeys.step(s)));
        step.setPlaceholder(getTranslation("cockpit.list.anyStep"));
        step.setClearButtonVisible(true);
        step.addValueChangeListener(e -> filtersChanged());
        reference.setLabel(getTranslation("cockpit.list.reference"));
        reference.setId("cockpit-task-reference");
        reference.setMaxLength(30);
        reference.setClearButtonVisible(true);
        reference.setValueChangeMode(ValueChangeMode.LAZY);
        reference.addValueChangeListener(e -> filtersChanged());

        grid.addColumn(t -> stepLabel(t.step())).setHeader(getTranslation("cockpit.tasks.task"))
                .setSortProperty("name").setFlexGrow(2);
        grid.addComponentColumn(t -> t.proposalId() == null ? new Span(t.reference() == null ? "" : t.reference())
                : proposalLink(t.proposalId(), t.reference())).setHeader(getTranslation("cockpit.list.reference"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TaskLine::proposalTitle).setHeader(getTranslation("cockpit.list.title")).setFlexGrow(2);
        grid.addComponentColumn(this::dueCell).setHeader(getTranslation("cockpit.tasks.dueAt")).setSortProperty("due")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> Formats.dateTime(t.created())).setHeader(getTranslation("cockpit.tasks.created"))
                .setSortProperty("created").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::holder).setHeader(getTranslation("cockpit.tasks.holder")).setSortProperty("assignee")
                .setFlexGrow(1);
        layOut(getTranslation("cockpit.taskList.title"), due, step, reference);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cockpit.taskList.pageTitle");
    }

    private Span dueCell(TaskLine task) {
        Span cell = new Span(task.due() == null ? getTranslation("cockpit.tasks.noDue") : Formats.dateTime(task.due()));
        if (task.due() != null && task.due().isBefore(clock.instant())) {
            cell.getElement().getThemeList().add("badge error");
            cell.setTitle(getTranslation("cockpit.due.OVERDUE"));
        }
        return cell;
    }

    private String stepLabel(String key) {
        return key != null && STEPS.contains(key) ? getTranslation(LabelKeys.step(key)) : key;
    }

    /** Who holds the task, or to whom it is offered. */
    private String holder(TaskLine task) {
        if (task.assignee() != null) {
            return task.assignee();
        }
        String group = task.offeredTo();
        if (group == null) {
            return "";
        }
        Long organisation = organisationOf(group);
        if (organisation != null) {
            String name = organisationNames.getOrDefault(organisation, "#" + organisation);
            return getTranslation(group.startsWith(ProposalLifecycle.SIGNATORY_GROUP) ? "cockpit.tasks.offeredSignatories"
                    : "cockpit.tasks.offeredPatients", name);
        }
        return getTranslation("cockpit.tasks.offeredRole", getTranslation(LabelKeys.role(group)));
    }

    @Override
    protected void read(QueryParameters parameters) {
        due.setValue(CockpitLinks.parse(TaskDue.class, parameters.getSingleParameter(CockpitLinks.DUE).orElse(null),
                TaskDue.ALL));
        String chosen = parameters.getSingleParameter(CockpitLinks.STEP).orElse(null);
        step.setValue(chosen != null && STEPS.contains(chosen) ? chosen : null);
        reference.setValue(parameters.getSingleParameter(CockpitLinks.TEXT).orElse(""));
    }

    @Override
    protected QueryParameters parameters() {
        return CockpitLinks.params(CockpitLinks.DUE, CockpitLinks.value(due.getValue()), CockpitLinks.STEP,
                step.getValue(), CockpitLinks.TEXT, reference.getValue());
    }

    private TaskFilter filter() {
        return new TaskFilter(due.getValue() == null ? TaskDue.ALL : due.getValue(), step.getValue(), reference.getValue());
    }

    @Override
    protected List<TaskLine> fetch(Paging paging) {
        List<TaskLine> page = cockpit.tasks(filter(), paging);
        Set<Long> organisations = page.stream().map(t -> organisationOf(t.offeredTo())).filter(Objects::nonNull)
                .filter(id -> !organisationNames.containsKey(id)).collect(Collectors.toSet());
        if (!organisations.isEmpty()) {
            organisationNames.putAll(members.organisationNames(organisations));
        }
        return page;
    }

    /** The organisation of a patient organisation's or signatories' group, else null. */
    private static Long organisationOf(String group) {
        if (group == null) {
            return null;
        }
        for (String prefix : List.of(ProposalLifecycle.PATIENT_ORGANISATION_GROUP, ProposalLifecycle.SIGNATORY_GROUP)) {
            if (group.startsWith(prefix)) {
                try {
                    return Long.valueOf(group.substring(prefix.length()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    @Override
    protected long count() {
        return cockpit.countTasks(filter());
    }

    @Override
    protected void export(String sortKey, boolean ascending, Writer out) {
        cockpit.exportTasks(filter(), sortKey, ascending, out);
    }

    @Override
    protected String fileName() {
        return "consilium-tasks.csv";
    }
}
