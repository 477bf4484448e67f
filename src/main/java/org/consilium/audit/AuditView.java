package org.consilium.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.consilium.security.Roles;
import org.consilium.ui.DatePickers;
import org.consilium.ui.Formats;
import org.consilium.ui.Translations;

/** Staff and administrators browse the audit trail, filtered and paged in the database; export; verify. */
@Route("audit")
@Menu(title = "Audit trail", order = 6, icon = "RECORDS")
@RolesAllowed({Roles.STAFF, Roles.ADMINISTRATOR})
class AuditView extends Div implements HasDynamicTitle {

    private final AuditService audit;
    private final TextField person = new TextField(getTranslation("audit.filter.person"));
    private final TextField record = new TextField(getTranslation("audit.filter.record"));
    private final ComboBox<String> kind = new ComboBox<>(getTranslation("audit.filter.kind"));
    private final DatePicker from = new DatePicker(getTranslation("audit.filter.from"));
    private final DatePicker to = new DatePicker(getTranslation("audit.filter.to"));
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Span verification = new Span();

    AuditView(AuditService audit, Translations translations) {
        this.audit = audit;
        addClassName("page");
        person.setId("audit-person");
        record.setId("audit-record");
        kind.setId("audit-kind");
        person.setMaxLength(200);
        record.setMaxLength(100);
        person.setPlaceholder(getTranslation("audit.filter.person.placeholder"));
        record.setPlaceholder("CONS-2026-0001");
        kind.setItems(audit.kinds().stream()
                .sorted(java.util.Comparator.comparing((String k) -> kindName(translations, k),
                        java.text.Collator.getInstance(getLocale())))
                .toList());
        // Kinds are stored codes; each is named in the user's language, or shown as stored if it has no text yet.
        kind.setItemLabelGenerator(k -> kindName(translations, k));
        kind.setClearButtonVisible(true);
        DatePickers.localized(from);
        DatePickers.localized(to);
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        for (TextField field : new TextField[] {person, record}) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setClearButtonVisible(true);
            field.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        kind.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        from.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        to.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.setId("audit-trail");
        grid.addColumn(AuditEntry::seq).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> Formats.dateTime(e.occurredAt())).setHeader(getTranslation("audit.column.when"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actorName).setHeader(getTranslation("audit.column.who")).setWidth("10rem")
                .setFlexGrow(0);
        // The kind's name in the reader's language, and beneath it the stored code that the CSV export and filters use.
        grid.addColumn(LitRenderer.<AuditEntry>of("<span>${item.name}</span><br><small class=\"audit-kind\">${item.code}</small>")
                        .withProperty("name", e -> kindName(translations, e.kind())).withProperty("code", AuditEntry::kind))
                .setHeader(getTranslation("audit.column.what")).setWidth("14rem").setFlexGrow(0);
        grid.addColumn(e -> e.recordId() == null ? "" : e.recordId()).setHeader(getTranslation("audit.column.record"))
                .setWidth("10rem").setFlexGrow(0);
        // Summaries and reasons are the recorded words (hashed into the chain): shown as written, not translated.
        grid.addColumn(e -> e.summary() + (e.reason() == null ? "" : " — " + e.reason()))
                .setHeader(getTranslation("audit.column.details")).setFlexGrow(1);
        grid.setTooltipGenerator(e -> getTranslation("audit.hashes", e.hash(), e.previousHash()));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(50);
        grid.setHeight("36rem");
        grid.setDataProvider(new CallbackDataProvider<AuditEntry, Void>(
                q -> audit.find(filter(), q.getOffset(), q.getLimit()).stream(), q -> audit.count(filter())));

        // Streamed row by row from the database: the export does not hold the trail in memory.
        DownloadHandler csv = event -> {
            event.setFileName("consilium-audit-trail.csv");
            event.setContentType("text/csv; charset=utf-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                audit.exportCsv(filter(), out);
            }
        };
        Anchor export = new Anchor(csv, getTranslation("audit.export"));
        export.setId("audit-export");
        export.getElement().setAttribute("download", true);
        Button verify = new Button(getTranslation("audit.verify"), e -> {
            AuditVerification result = audit.verify();
            verification.setText(result.intact()
                    ? getTranslation("audit.verify.intact", result.entriesChecked())
                    : getTranslation("audit.verify.broken", Long.toString(result.brokenAt()), result.problem()));
            verification.getElement().getThemeList().clear();
            verification.getElement().getThemeList().add("badge");
            verification.getElement().getThemeList().add(result.intact() ? "success" : "error");
        });
        verify.setId("audit-verify");
        verification.setId("audit-verification");

        HorizontalLayout filters = new HorizontalLayout(person, record, kind, from, to);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        HorizontalLayout actions = new HorizontalLayout(verify, export, verification);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        add(new H2(getTranslation("audit.heading")), filters, actions, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }

    static String kindName(Translations translations, String kind) {
        return kind == null ? "" : translations.translateOr(kind, "audit.kind." + kind);
    }

    private AuditFilter filter() {
        LocalDate end = to.getValue();
        return new AuditFilter(person.getValue(), record.getValue(), kind.getValue(),
                from.getValue() == null ? null : from.getValue().atStartOfDay(ZoneOffset.UTC).toInstant(),
                end == null ? null : end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
