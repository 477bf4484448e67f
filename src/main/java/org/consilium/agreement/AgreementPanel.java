package org.consilium.agreement;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.consilium.ui.Formats;
import org.consilium.ui.Problems;

/**
 * A proposal's data-access agreement: state, versions with their PDFs and signatures, the access
 * period, extensions and outputs, and the actions the viewer may take (the service checks each again).
 */
public class AgreementPanel extends Div {

    private final AgreementService agreements;
    private final Long proposalId;

    public AgreementPanel(AgreementService agreements, Long proposalId) {
        this.agreements = agreements;
        this.proposalId = proposalId;
        addClassName("form-section");
        setId("agreement");
        refresh();
    }

    /** Whether there is anything for this viewer to see. */
    public boolean hasContent() {
        return getComponentCount() > 0;
    }

    public final void refresh() {
        removeAll();
        agreements.overview(proposalId).ifPresent(this::show);
    }

    private void show(AgreementOverview a) {
        add(new H3("Data-access agreement"));
        Span status = new Span(a.status().label());
        status.getElement().getThemeList().add("badge");
        status.setId("agreement-status");
        add(new Paragraph(status));
        add(new Paragraph("Between " + a.foundation() + " and " + a.leadOrganisation() + ". Access period: "
                + a.accessMonths() + " months from execution."));
        if (a.executed()) {
            Paragraph executed = new Paragraph("Executed " + Formats.dateTime(a.executedAt()) + ". Access until "
                    + Formats.dateTime(a.accessEndsAt()) + ". ");
            executed.add(PdfLinks.download("Download the executed agreement", () -> agreements.executed(proposalId)));
            executed.setId("agreement-executed");
            add(executed);
            add(small("SHA-256 of the executed PDF: " + a.executedSha256()));
        }
        add(versions(a));
        if (!a.extensions().isEmpty()) {
            add(new H4("Extensions"));
            a.extensions().forEach(e -> add(new Paragraph(Formats.dateTime(e.previousEnd()) + " → "
                    + Formats.dateTime(e.newEnd()) + ", approved by " + e.approvedBy() + " on "
                    + Formats.dateTime(e.approvedAt()) + ": " + e.reason())));
        }
        if (a.executed() || !a.outputs().isEmpty()) {
            add(outputs(a));
        }
        if (a.closureRequested()) {
            add(new Paragraph("The applicant has asked to close the project; the governance office will close it."));
        }
        HorizontalLayout actions = new HorizontalLayout();
        if (a.may().generate()) {
            actions.add(button("Generate a new version…", "generate-agreement", () -> generateDialog(a)));
        }
        if (a.may().extend()) {
            actions.add(button("Extend access…", "extend-access", () -> extendDialog(a)));
        }
        if (a.may().reportOutputs()) {
            actions.add(button("Report an output…", "report-output", this::outputDialog));
        }
        if (a.may().requestClosure()) {
            actions.add(button("Ask to close the project…", "request-closure", this::confirmClosure));
        }
        if (actions.getComponentCount() > 0) {
            add(actions);
        }
    }

    private Grid<AgreementOverview.Version> versions(AgreementOverview a) {
        Grid<AgreementOverview.Version> grid = new Grid<>();
        grid.setId("agreement-versions");
        grid.addColumn(v -> "Version " + v.number()).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> v.state().label()).setHeader("State").setAutoWidth(true);
        grid.addColumn(v -> v.generatedBy() + ", " + Formats.dateTime(v.generatedAt())).setHeader("Generated")
                .setFlexGrow(1);
        grid.addColumn(v -> v.signatures().isEmpty() ? "—" : v.signatures().stream()
                        .map(s -> s.signerName() + " (" + s.organisation() + ", " + Formats.dateTime(s.signedAt()) + ")")
                        .collect(Collectors.joining("; "))
                        + (v.state() == VersionState.SUPERSEDED ? " — void" : ""))
                .setHeader("Signatures").setFlexGrow(2);
        grid.addComponentColumn(v -> {
            HorizontalLayout links = new HorizontalLayout(
                    PdfLinks.open("Open", () -> agreements.version(proposalId, v.number())),
                    PdfLinks.download("Download", () -> agreements.version(proposalId, v.number())));
            links.setSpacing(true);
            return links;
        }).setHeader("PDF").setAutoWidth(true);
        grid.setItems(a.versions());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setTooltipGenerator(v -> "SHA-256 " + v.sha256());
        return grid;
    }

    private Div outputs(AgreementOverview a) {
        Div box = new Div(new H4("Outputs"));
        box.setId("project-outputs");
        if (a.outputs().isEmpty()) {
            box.add(new Paragraph("No outputs reported yet."));
        }
        a.outputs().forEach(o -> box.add(new Paragraph(o.kind().label() + ": " + o.title()
                + (o.doi() == null ? "" : " — doi:" + o.doi())
                + (o.description() == null ? "" : " — " + o.description())
                + " (" + Formats.dateTime(o.reportedAt()) + ")")));
        return box;
    }

    private void generateDialog(AgreementOverview a) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Generate a new version");
        IntegerField months = monthsField(a.accessMonths());
        Paragraph warning = new Paragraph(a.latest() == null ? "The first version will be generated."
                : "Version " + a.latest().number() + " will be superseded" + (a.latest().signatures().isEmpty() ? ""
                : " and its signatures become void") + ". Only the new version can be signed.");
        Button generate = new Button("Generate", e -> {
            try {
                int number = agreements.generate(proposalId, months.getValue() == null ? 0 : months.getValue(),
                        a.latest() == null ? 0 : a.latest().number());
                dialog.close();
                Problems.success("Version " + number + " generated.");
                refresh();
            } catch (AgreementRefused refused) {
                if (refused.field() == null) {
                    dialog.close();
                    Problems.show(refused.getMessage());
                    refresh();
                } else {
                    showOn(refused, months);
                }
            }
        });
        generate.setId("confirm-generate");
        generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(warning, months);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), generate);
        dialog.open();
    }

    /** The access period field, shared with the preparation screen. */
    public static IntegerField monthsField(int value) {
        IntegerField months = new IntegerField("Access period (months from execution)");
        months.setId("access-months");
        months.setMin(1);
        months.setMax(120);
        months.setStepButtonsVisible(true);
        months.setValue(value);
        months.setRequiredIndicatorVisible(true);
        return months;
    }

    private void extendDialog(AgreementOverview a) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Extend access");
        LocalDate current = a.accessEndsAt().atOffset(ZoneOffset.UTC).toLocalDate();
        DatePicker end = new DatePicker("New end date");
        end.setId("extension-end");
        end.setMin(current.plusDays(1));
        end.setValue(current.plusMonths(6));
        TextArea reason = new TextArea("Reason");
        reason.setId("extension-reason");
        reason.setMaxLength(2_000);
        reason.setRequired(true);
        reason.setWidthFull();
        Button extend = new Button("Extend", e -> {
            try {
                agreements.extend(proposalId, end.getValue(), reason.getValue());
                dialog.close();
                Problems.success("Access extended to " + end.getValue() + ".");
                refresh();
            } catch (AgreementRefused refused) {
                if ("newEnd".equals(refused.field())) {
                    end.setErrorMessage(refused.getMessage());
                    end.setInvalid(true);
                } else {
                    showOn(refused, reason);
                }
            }
        });
        extend.setId("confirm-extension");
        extend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph("Access currently ends " + Formats.dateTime(a.accessEndsAt()) + "."), end, reason);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), extend);
        dialog.open();
    }

    private void outputDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Report an output");
        Select<OutputKind> kind = new Select<>();
        kind.setLabel("Kind");
        kind.setId("output-kind");
        kind.setItems(OutputKind.values());
        kind.setItemLabelGenerator(OutputKind::label);
        kind.setValue(OutputKind.PUBLICATION);
        TextField title = new TextField("Title or short name");
        title.setId("output-title");
        title.setMaxLength(500);
        title.setWidthFull();
        TextField doi = new TextField("DOI (required for a publication)");
        doi.setId("output-doi");
        doi.setMaxLength(200);
        doi.setPlaceholder("10.1182/blood.2026012345");
        TextArea description = new TextArea("Description");
        description.setId("output-description");
        description.setMaxLength(2_000);
        description.setWidthFull();
        Button report = new Button("Report", e -> {
            try {
                agreements.reportOutput(proposalId, kind.getValue(), title.getValue(), doi.getValue(),
                        description.getValue());
                dialog.close();
                Problems.success("Output reported.");
                refresh();
            } catch (AgreementRefused refused) {
                switch (refused.field() == null ? "" : refused.field()) {
                    case "doi" -> showOn(refused, doi);
                    case "description" -> showOn(refused, description);
                    default -> showOn(refused, title);
                }
            }
        });
        report.setId("confirm-output");
        report.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(kind, title, doi, description);
        dialog.setWidth("36rem");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), report);
        dialog.open();
    }

    private void confirmClosure() {
        ConfirmDialog confirm = new ConfirmDialog("Ask to close the project?", "The governance office will review"
                + " the outputs reported and close the project; access to the data ends with the closure.",
                "Ask to close", ok -> {
            try {
                agreements.requestClosure(proposalId);
                Problems.success("The governance office has been asked to close the project.");
                refresh();
            } catch (AgreementRefused refused) {
                Problems.show(refused.getMessage());
            }
        });
        confirm.setCancelable(true);
        confirm.open();
    }

    private static void showOn(AgreementRefused refused, com.vaadin.flow.component.HasValidation field) {
        field.setErrorMessage(refused.getMessage());
        field.setInvalid(true);
    }

    private static Button button(String label, String id, Runnable action) {
        Button button = new Button(label, e -> action.run());
        button.setId(id);
        return button;
    }

    private static Paragraph small(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("fingerprint");
        return p;
    }
}
