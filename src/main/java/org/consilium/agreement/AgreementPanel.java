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
import java.util.Locale;
import java.util.stream.Collectors;
import org.consilium.ui.DatePickers;
import org.consilium.ui.Formats;
import org.consilium.ui.Problems;
import org.consilium.ui.Translations;

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
        add(new H3(getTranslation("agreement.panel.title")));
        Span status = new Span(getTranslation(a.status().key()));
        status.getElement().getThemeList().add("badge");
        status.setId("agreement-status");
        add(new Paragraph(status));
        add(new Paragraph(getTranslation("agreement.panel.between", a.foundation(), a.leadOrganisation(),
                a.accessMonths())));
        if (a.executed()) {
            Paragraph executed = new Paragraph(getTranslation("agreement.panel.executed",
                    Formats.dateTime(a.executedAt()), Formats.dateTime(a.accessEndsAt())) + " ");
            executed.add(PdfLinks.download(getTranslation("agreement.panel.downloadExecuted"),
                    () -> agreements.executed(proposalId)));
            executed.setId("agreement-executed");
            add(executed);
            add(small(getTranslation("agreement.panel.executedSha", a.executedSha256())));
        }
        add(versions(a));
        if (!a.extensions().isEmpty()) {
            add(new H4(getTranslation("agreement.panel.extensions")));
            a.extensions().forEach(e -> add(new Paragraph(getTranslation("agreement.panel.extension",
                    Formats.dateTime(e.previousEnd()), Formats.dateTime(e.newEnd()), e.approvedBy(),
                    Formats.dateTime(e.approvedAt()), e.reason()))));
        }
        if (a.executed() || !a.outputs().isEmpty()) {
            add(outputs(a));
        }
        if (a.closureRequested()) {
            add(new Paragraph(getTranslation("agreement.panel.closureRequested")));
        }
        HorizontalLayout actions = new HorizontalLayout();
        if (a.may().generate()) {
            actions.add(button(getTranslation("agreement.panel.generate"), "generate-agreement",
                    () -> generateDialog(a)));
        }
        if (a.may().extend()) {
            actions.add(button(getTranslation("agreement.panel.extend"), "extend-access", () -> extendDialog(a)));
        }
        if (a.may().reportOutputs()) {
            actions.add(button(getTranslation("agreement.panel.reportOutput"), "report-output", this::outputDialog));
        }
        if (a.may().requestClosure()) {
            actions.add(button(getTranslation("agreement.panel.requestClosure"), "request-closure",
                    this::confirmClosure));
        }
        if (actions.getComponentCount() > 0) {
            add(actions);
        }
    }

    private Grid<AgreementOverview.Version> versions(AgreementOverview a) {
        Grid<AgreementOverview.Version> grid = new Grid<>();
        grid.setId("agreement-versions");
        grid.addColumn(v -> getTranslation("agreement.panel.versionNumber", v.number()))
                .setHeader(getTranslation("agreement.panel.column.version")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> getTranslation(v.state().key())).setHeader(getTranslation("agreement.panel.column.state"))
                .setAutoWidth(true);
        grid.addColumn(v -> languageName(v.language())).setHeader(getTranslation("agreement.panel.column.language"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> getTranslation("agreement.panel.generatedByOn", v.generatedBy(),
                        Formats.dateTime(v.generatedAt())))
                .setHeader(getTranslation("agreement.panel.column.generated")).setFlexGrow(1);
        grid.addColumn(v -> v.signatures().isEmpty() ? "—" : v.signatures().stream()
                        .map(s -> getTranslation("agreement.panel.signature", s.signerName(), s.organisation(),
                                Formats.dateTime(s.signedAt())))
                        .collect(Collectors.joining("; "))
                        + (v.state() == VersionState.SUPERSEDED ? getTranslation("agreement.panel.void") : ""))
                .setHeader(getTranslation("agreement.panel.column.signatures")).setFlexGrow(2);
        grid.addComponentColumn(v -> {
            HorizontalLayout links = new HorizontalLayout(
                    PdfLinks.open(getTranslation("agreement.panel.open"), () -> agreements.version(proposalId, v.number())),
                    PdfLinks.download(getTranslation("agreement.panel.download"),
                            () -> agreements.version(proposalId, v.number())));
            links.setSpacing(true);
            return links;
        }).setHeader(getTranslation("agreement.panel.column.pdf")).setAutoWidth(true);
        grid.setItems(a.versions());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setTooltipGenerator(v -> "SHA-256 " + v.sha256());
        return grid;
    }

    private Div outputs(AgreementOverview a) {
        Div box = new Div(new H4(getTranslation("agreement.panel.outputs")));
        box.setId("project-outputs");
        if (a.outputs().isEmpty()) {
            box.add(new Paragraph(getTranslation("agreement.panel.noOutputs")));
        }
        a.outputs().forEach(o -> box.add(new Paragraph(getTranslation(o.kind().key()) + ": " + o.title()
                + (o.doi() == null ? "" : " — doi:" + o.doi())
                + (o.description() == null ? "" : " — " + o.description())
                + " (" + Formats.dateTime(o.reportedAt()) + ")")));
        return box;
    }

    private void generateDialog(AgreementOverview a) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("agreement.generate.title"));
        IntegerField months = monthsField(a.accessMonths());
        Select<Locale> language = languageField(a.latest() == null ? null : a.latest().language());
        Paragraph warning = new Paragraph(a.latest() == null ? getTranslation("agreement.generate.first")
                : a.latest().signatures().isEmpty()
                ? getTranslation("agreement.generate.supersedes", a.latest().number())
                : getTranslation("agreement.generate.supersedesSigned", a.latest().number()));
        Button generate = new Button(getTranslation("agreement.generate.confirm"), e -> {
            try {
                int number = agreements.generate(proposalId, months.getValue() == null ? 0 : months.getValue(),
                        a.latest() == null ? 0 : a.latest().number(), language.getValue());
                dialog.close();
                Problems.success(getTranslation("agreement.generate.done", number));
                refresh();
            } catch (AgreementRefused refused) {
                if (refused.field() == null) {
                    dialog.close();
                    Problems.show(refused.getMessage());
                    refresh();
                } else {
                    showOn(refused, "language".equals(refused.field()) ? language : months);
                }
            }
        });
        generate.setId("confirm-generate");
        generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(warning, new HorizontalLayout(months, language));
        dialog.getFooter().add(new Button(getTranslation("agreement.action.cancel"), e -> dialog.close()), generate);
        dialog.open();
    }

    /** The access period field, shared with the preparation screen. */
    public static IntegerField monthsField(int value) {
        IntegerField months = new IntegerField(Translations.t("agreement.field.accessMonths"));
        months.setId("access-months");
        months.setMin(1);
        months.setMax(120);
        months.setStepButtonsVisible(true);
        months.setValue(value);
        months.setRequiredIndicatorVisible(true);
        return months;
    }

    /**
     * The language the agreement is written in, shared with the preparation screen: that of the latest version if
     * there is one (a new version keeps it unless staff change it), else the language of the staff member's screen.
     */
    public static Select<Locale> languageField(Locale latest) {
        Select<Locale> language = new Select<>();
        language.setId("agreement-language");
        language.setLabel(Translations.t("agreement.field.language"));
        language.setItems(Translations.ENGLISH, Translations.FRENCH);
        language.setItemLabelGenerator(AgreementPanel::languageName);
        language.setValue(latest != null ? latest : Translations.forCode(Translations.locale().getLanguage()));
        language.setEmptySelectionAllowed(false);
        return language;
    }

    /** A language by its own name ("English", "Français"), as language menus name them. */
    static String languageName(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }

    private void extendDialog(AgreementOverview a) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("agreement.extend.title"));
        LocalDate current = a.accessEndsAt().atOffset(ZoneOffset.UTC).toLocalDate();
        DatePicker end = DatePickers.localized(new DatePicker(getTranslation("agreement.extend.newEnd")));
        end.setId("extension-end");
        end.setMin(current.plusDays(1));
        end.setValue(current.plusMonths(6));
        TextArea reason = new TextArea(getTranslation("agreement.extend.reason"));
        reason.setId("extension-reason");
        reason.setMaxLength(2_000);
        reason.setRequired(true);
        reason.setWidthFull();
        Button extend = new Button(getTranslation("agreement.extend.confirm"), e -> {
            try {
                agreements.extend(proposalId, end.getValue(), reason.getValue());
                dialog.close();
                Problems.success(getTranslation("agreement.extend.done", Formats.date(end.getValue())));
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
        dialog.add(new Paragraph(getTranslation("agreement.extend.currentEnd", Formats.dateTime(a.accessEndsAt()))),
                end, reason);
        dialog.getFooter().add(new Button(getTranslation("agreement.action.cancel"), e -> dialog.close()), extend);
        dialog.open();
    }

    private void outputDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("agreement.output.title"));
        Select<OutputKind> kind = new Select<>();
        kind.setLabel(getTranslation("agreement.output.kind"));
        kind.setId("output-kind");
        kind.setItems(OutputKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.key()));
        kind.setValue(OutputKind.PUBLICATION);
        TextField title = new TextField(getTranslation("agreement.output.name"));
        title.setId("output-title");
        title.setMaxLength(500);
        title.setWidthFull();
        TextField doi = new TextField(getTranslation("agreement.output.doi"));
        doi.setId("output-doi");
        doi.setMaxLength(200);
        doi.setPlaceholder("10.1182/blood.2026012345");
        TextArea description = new TextArea(getTranslation("agreement.output.description"));
        description.setId("output-description");
        description.setMaxLength(2_000);
        description.setWidthFull();
        Button report = new Button(getTranslation("agreement.output.confirm"), e -> {
            try {
                agreements.reportOutput(proposalId, kind.getValue(), title.getValue(), doi.getValue(),
                        description.getValue());
                dialog.close();
                Problems.success(getTranslation("agreement.output.done"));
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
        dialog.getFooter().add(new Button(getTranslation("agreement.action.cancel"), e -> dialog.close()), report);
        dialog.open();
    }

    private void confirmClosure() {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("agreement.closure.title"),
                getTranslation("agreement.closure.text"), getTranslation("agreement.closure.confirm"), ok -> {
            try {
                agreements.requestClosure(proposalId);
                Problems.success(getTranslation("agreement.closure.done"));
                refresh();
            } catch (AgreementRefused refused) {
                Problems.show(refused.getMessage());
            }
        });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("agreement.action.cancel"));
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
