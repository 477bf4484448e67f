package org.consilium.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.notification.MailIncident;
import org.consilium.notification.MailOutbox;
import org.consilium.security.Roles;
import org.consilium.ui.Formats;
import org.consilium.ui.Problems;

/** Administrators see what failed in the background, e-mails and workflow steps, and send it again. */
@Route("admin/operations")
@PageTitle("Operations · Consilium")
@Menu(title = "Operations", order = 8, icon = "WARNING")
@RolesAllowed(Roles.ADMINISTRATOR)
class OperationsView extends Div {

    private final MailOutbox outbox;
    private final EngineIncidents engine;
    private final Grid<MailIncident> mails = new Grid<>();
    private final Grid<EngineIncidents.EngineIncident> steps = new Grid<>();

    OperationsView(MailOutbox outbox, EngineIncidents engine) {
        this.outbox = outbox;
        this.engine = engine;
        addClassName("page");
        mails.setId("mail-incidents");
        mails.addColumn(m -> Formats.dateTime(m.createdAt())).setHeader("Queued").setAutoWidth(true);
        mails.addColumn(MailIncident::recipient).setHeader("To").setAutoWidth(true);
        mails.addColumn(MailIncident::subject).setHeader("Subject").setFlexGrow(1);
        mails.addColumn(MailIncident::attempts).setHeader("Attempts").setAutoWidth(true);
        mails.addColumn(m -> m.lastError() == null ? "" : m.lastError()).setHeader("Last error").setFlexGrow(1);
        mails.addComponentColumn(m -> new Button("Send again", e -> {
            Problems.success(outbox.retry(m.id()) ? "Sent." : "Still failing; it will be retried.");
            refresh();
        })).setAutoWidth(true);
        steps.setId("workflow-incidents");
        steps.addColumn(i -> Formats.dateTime(i.since())).setHeader("Since").setAutoWidth(true);
        steps.addColumn(i -> i.reference() == null ? "" : i.reference()).setHeader("Proposal").setAutoWidth(true);
        steps.addColumn(i -> i.step() == null ? "" : i.step()).setHeader("Step").setAutoWidth(true);
        steps.addColumn(i -> i.message() == null ? "" : i.message()).setHeader("Message").setFlexGrow(1);
        steps.addComponentColumn(i -> new Button("Retry", e -> {
            try {
                engine.retry(i.id());
                Problems.success("The step runs again.");
            } catch (TaskGone gone) {
                Problems.show("This incident is already resolved.");
            }
            refresh();
        })).setAutoWidth(true);
        mails.setEmptyStateText("Every e-mail has been sent, or is still being tried.");
        steps.setEmptyStateText("No workflow step has failed.");
        for (Grid<?> grid : new Grid<?>[] {mails, steps}) {
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.setAllRowsVisible(true);
        }
        add(new H2("Operations"), new H3("E-mails not sent"), new Paragraph("Each e-mail is tried several times"
                + " with growing pauses before it shows here."), mails, new H3("Workflow incidents"),
                new Paragraph("Background steps (reminders, deadlines) that failed after the engine's retries."),
                steps);
        refresh();
    }

    private void refresh() {
        mails.setItems(outbox.incidents(200));
        steps.setItems(engine.open(200));
    }
}
