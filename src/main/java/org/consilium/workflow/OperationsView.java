package org.consilium.workflow;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.notification.MailIncident;
import org.consilium.notification.MailOutbox;
import org.consilium.security.Roles;
import org.consilium.ui.Formats;
import org.consilium.ui.Problems;

/**
 * Administrators see the workflow at work — how many proposals wait at each step, and which — and what failed in
 * the background, workflow steps and e-mails, and send it round again.
 */
@Route("admin/operations")
@Menu(title = "Operations", order = 8, icon = "WARNING")
@RolesAllowed(Roles.ADMINISTRATOR)
class OperationsView extends Div implements HasDynamicTitle {

    /** Keys by BPMN element id: admin.step.CheckCompletenessTask, … */
    static final String STEP_KEY = "admin.step.";

    private final MailOutbox outbox;
    private final EngineIncidents engine;
    private final Paragraph running = new Paragraph();
    private final Grid<EngineIncidents.WorkflowStep> stepGrid = new Grid<>();
    private final Grid<MailIncident> mails = new Grid<>();
    private final Grid<EngineIncidents.EngineIncident> steps = new Grid<>();

    OperationsView(MailOutbox outbox, EngineIncidents engine) {
        this.outbox = outbox;
        this.engine = engine;
        addClassName("page");

        running.setId("workflow-running");
        stepGrid.setId("workflow-steps");
        stepGrid.addColumn(s -> stepName(s.activityId())).setHeader(getTranslation("admin.workflow.step"))
                .setFlexGrow(2);
        stepGrid.addComponentColumn(s -> code(s.activityId())).setHeader(getTranslation("admin.workflow.element"))
                .setAutoWidth(true);
        stepGrid.addComponentColumn(s -> {
            Button count = new Button(String.valueOf(s.proposals()), e -> instancesDialog(s));
            count.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            count.setEnabled(s.proposals() > 0);
            count.getElement().setAttribute("data-step", s.activityId());
            count.addClassName("step-count");
            count.setTooltipText(getTranslation("admin.workflow.open", stepName(s.activityId())));
            return count;
        }).setHeader(getTranslation("admin.workflow.proposals")).setAutoWidth(true).setFlexGrow(0);
        stepGrid.addColumn(EngineIncidents.WorkflowStep::failedJobs).setHeader(getTranslation("admin.workflow.failedJobs"))
                .setAutoWidth(true).setFlexGrow(0);
        stepGrid.addComponentColumn(s -> {
            Span incidents = new Span(String.valueOf(s.incidents()));
            if (s.incidents() > 0) {
                incidents.getElement().getThemeList().add("badge error");
            }
            return incidents;
        }).setHeader(getTranslation("admin.workflow.incidents")).setAutoWidth(true).setFlexGrow(0);
        stepGrid.setEmptyStateText(getTranslation("admin.workflow.empty"));

        mails.setId("mail-incidents");
        mails.addColumn(m -> Formats.dateTime(m.createdAt())).setHeader(getTranslation("admin.mail.queued")).setAutoWidth(true);
        mails.addColumn(MailIncident::recipient).setHeader(getTranslation("admin.mail.to")).setAutoWidth(true);
        mails.addColumn(MailIncident::subject).setHeader(getTranslation("admin.mail.subject")).setFlexGrow(1);
        mails.addColumn(MailIncident::attempts).setHeader(getTranslation("admin.mail.attempts")).setAutoWidth(true);
        mails.addColumn(m -> m.lastError() == null ? "" : m.lastError()).setHeader(getTranslation("admin.mail.lastError"))
                .setFlexGrow(1);
        mails.addComponentColumn(m -> new Button(getTranslation("admin.mail.retry"), e -> {
            Problems.success(getTranslation(outbox.retry(m.id()) ? "admin.mail.sent" : "admin.mail.stillFailing"));
            refresh();
        })).setAutoWidth(true);

        steps.setId("workflow-incidents");
        steps.addColumn(i -> Formats.dateTime(i.since())).setHeader(getTranslation("admin.incidents.since")).setAutoWidth(true);
        steps.addColumn(i -> i.reference() == null ? "" : i.reference()).setHeader(getTranslation("admin.incidents.proposal"))
                .setAutoWidth(true);
        steps.addColumn(i -> i.step() == null ? "" : stepName(i.step())).setHeader(getTranslation("admin.workflow.step"))
                .setAutoWidth(true);
        steps.addColumn(i -> i.message() == null ? "" : i.message()).setHeader(getTranslation("admin.incidents.message"))
                .setFlexGrow(1);
        steps.addComponentColumn(i -> new Button(getTranslation("admin.incidents.retry"), e -> {
            try {
                engine.retry(i.id());
                Problems.success(getTranslation("admin.incidents.retried"));
            } catch (TaskGone gone) {
                Problems.show(getTranslation("admin.incidents.gone"));
            }
            refresh();
        })).setAutoWidth(true);
        steps.setPageSize(50);
        steps.setDataProvider(new CallbackDataProvider<EngineIncidents.EngineIncident, Void>(
                q -> engine.open(q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, engine.countOpen())));

        mails.setEmptyStateText(getTranslation("admin.mail.empty"));
        steps.setEmptyStateText(getTranslation("admin.incidents.empty"));
        for (Grid<?> grid : new Grid<?>[] {stepGrid, mails, steps}) {
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.setAllRowsVisible(true);
        }
        steps.setHeight("28rem");
        Button reload = new Button(getTranslation("admin.workflow.reload"), e -> refresh());
        reload.setId("operations-reload");
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new H2(getTranslation("admin.operations.title")), new H3(getTranslation("admin.workflow.title")), running,
                stepGrid, reload,
                new H3(getTranslation("admin.incidents.title")), new Paragraph(getTranslation("admin.incidents.hint")),
                steps,
                new H3(getTranslation("admin.mail.title")), new Paragraph(getTranslation("admin.mail.hint")), mails);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.operations.pageTitle");
    }

    private void refresh() {
        EngineIncidents.WorkflowOverview overview = engine.overview();
        running.setText(getTranslation("admin.workflow.running", overview.running()));
        stepGrid.setItems(overview.steps());
        // Few incidents: the grid shows them all; many: it scrolls, and asks for one page at a time.
        steps.setAllRowsVisible(engine.countOpen() <= 20);
        steps.getDataProvider().refreshAll();
        mails.setItems(outbox.incidents(200));
    }

    /** The step's name in the user's language; every element of the process has one (see the BPMN test). */
    private String stepName(String activityId) {
        return getTranslation(STEP_KEY + activityId);
    }

    private static Component code(String text) {
        Span code = new Span(text);
        code.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        return code;
    }

    /** The proposals waiting at one step, a page at a time; each reference opens the proposal. */
    private void instancesDialog(EngineIncidents.WorkflowStep step) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.workflow.at", stepName(step.activityId())));
        Grid<EngineIncidents.InstanceAtStep> instances = new Grid<>();
        instances.setId("workflow-instances");
        instances.addComponentColumn(i -> i.proposalId() == null ? new Span(i.reference() == null ? "" : i.reference())
                        : new Anchor("proposals/" + i.proposalId(), i.reference() == null ? "#" + i.proposalId()
                        : i.reference())).setHeader(getTranslation("admin.incidents.proposal")).setAutoWidth(true);
        instances.addColumn(i -> i.title() == null ? "" : i.title()).setHeader(getTranslation("admin.workflow.proposalTitle"))
                .setFlexGrow(1);
        instances.addColumn(i -> Formats.dateTime(i.since())).setHeader(getTranslation("admin.workflow.since"))
                .setAutoWidth(true);
        instances.addComponentColumn(i -> {
            Span incident = new Span(i.incident() ? getTranslation("admin.workflow.failedHere") : "");
            if (i.incident()) {
                incident.getElement().getThemeList().add("badge error");
            }
            return incident;
        }).setHeader("").setAutoWidth(true);
        instances.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        instances.setPageSize(50);
        instances.setDataProvider(new CallbackDataProvider<EngineIncidents.InstanceAtStep, Void>(
                q -> engine.instancesAt(step.activityId(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, engine.countInstancesAt(step.activityId()))));
        instances.setHeight("24rem");
        dialog.add(instances);
        dialog.setWidth("52rem");
        Button close = new Button(getTranslation("action.close"), e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
    }
}
