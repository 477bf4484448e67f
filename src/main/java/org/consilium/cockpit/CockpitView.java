package org.consilium.cockpit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.consilium.cockpit.CockpitChart.Series;
import org.consilium.cockpit.CockpitFigures.StepTasks;
import org.consilium.proposal.ProposalStatus;
import org.consilium.security.Roles;
import org.consilium.ui.DatePickers;
import org.consilium.ui.Formats;
import org.consilium.ui.StaticMarkup;
import org.consilium.ui.UserZone;
import org.jsoup.nodes.Element;

/**
 * The governance office's cockpit: where the proposals stand, which tasks are late, how long each stage takes
 * over a period (last twelve months unless chosen), and which agreements wait for signatures or expire soon.
 * Every number links to the list behind it; every chart has its figures in a table beside it. The figures are shared
 * by all staff for a few seconds ({@link RecentFigures}); the page says when they were computed.
 */
@Route("cockpit")
@Menu(title = "Cockpit", order = 2, icon = "DASHBOARD")
@RolesAllowed({Roles.STAFF, Roles.ADMINISTRATOR})
class CockpitView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String OVERDUE_COLOUR = "#c62828";
    static final String SOON_COLOUR = "#ef8f00";
    static final String COUNT_COLOUR = "#1f5fa8";
    static final String MEDIAN_COLOUR = "#1f5fa8";
    static final String P90_COLOUR = "#8fb4e3";

    private final RecentFigures cockpit;
    private final Clock clock;
    private final DatePicker from = DatePickers.localized(new DatePicker());
    private final DatePicker to = DatePickers.localized(new DatePicker());
    private final Div content = new Div();
    private final Paragraph asOf = new Paragraph();
    private boolean updating;

    CockpitView(RecentFigures cockpit, Clock clock) {
        this.cockpit = cockpit;
        this.clock = clock;
        addClassName("page");
        setId("cockpit");
        from.setLabel(getTranslation("cockpit.period.from"));
        to.setLabel(getTranslation("cockpit.period.to"));
        from.setId("cockpit-from");
        to.setId("cockpit-to");
        from.addValueChangeListener(e -> periodChosen());
        to.addValueChangeListener(e -> periodChosen());
        content.setId("cockpit-content");
        content.addClassName("cockpit-content");
        asOf.setId("cockpit-as-of");
        asOf.addClassName("cockpit-note");
        add(new H2(getTranslation("cockpit.title")), asOf, content);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cockpit.pageTitle");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ReportingPeriod period = period(event.getLocation().getQueryParameters());
        updating = true;
        from.setValue(period.first());
        to.setValue(period.last());
        updating = false;
        show(cockpit.figures(period));
    }

    /** The period in the address, else the last twelve months; days in the person's time zone. */
    private ReportingPeriod period(QueryParameters parameters) {
        ReportingPeriod fallback = ReportingPeriod.lastTwelveMonths(clock, UserZone.current());
        try {
            LocalDate first = date(parameters, CockpitLinks.FROM, fallback.first());
            LocalDate last = date(parameters, CockpitLinks.TO, fallback.last());
            return new ReportingPeriod(first, last, UserZone.current());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return fallback;
        }
    }

    private static LocalDate date(QueryParameters parameters, String name, LocalDate fallback) {
        return parameters.getSingleParameter(name).map(LocalDate::parse).orElse(fallback);
    }

    private void periodChosen() {
        if (updating || from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
            return;
        }
        getUI().ifPresent(ui -> ui.navigate(CockpitView.class, CockpitLinks.params(CockpitLinks.FROM,
                from.getValue().toString(), CockpitLinks.TO, to.getValue().toString())));
    }

    void show(CockpitFigures figures) {
        asOf.setText(getTranslation("cockpit.asOf", DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss z", getLocale())
                .withZone(UserZone.current()).format(figures.asOf()), cockpit.keptFor().toSeconds()));
        content.removeAll();
        content.add(proposalsSection(figures), tasksSection(figures), stagesSection(figures),
                agreementsSection(figures));
    }

    // ---- where the proposals stand -----------------------------------------------------------------------

    private Component proposalsSection(CockpitFigures figures) {
        List<String> labels = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        FigureTable table = new FigureTable("cockpit-proposals-table", getTranslation("cockpit.proposals.caption"),
                getTranslation("cockpit.proposals.status"), getTranslation("cockpit.proposals.count"));
        figures.proposalsByStatus().forEach((status, count) -> {
            String label = statusLabel(status);
            labels.add(label);
            counts.add(count);
            table.row(label).figure(number(count), getTranslation("cockpit.proposals.link", count, label),
                    CockpitLinks.proposals(status));
        });
        long sum = figures.proposalsByStatus().values().stream().mapToLong(Long::longValue).sum();
        table.totalRow(getTranslation("cockpit.proposals.total"))
                .figure(number(sum), getTranslation("cockpit.proposals.linkAll", sum), CockpitLinks.proposals(null));
        CockpitChart chart = new CockpitChart("cockpit-proposals-chart", getTranslation("cockpit.proposals.chart",
                summary(labels, counts)), labels, List.of(new Series(getTranslation("cockpit.proposals.count"),
                COUNT_COLOUR, counts)), true, false, getTranslation("cockpit.proposals.count"), "20rem");
        return section("cockpit-proposals", getTranslation("cockpit.proposals.title"), null, chart, table.component());
    }

    // ---- tasks by due date -------------------------------------------------------------------------------

    private Component tasksSection(CockpitFigures figures) {
        long soonDays = figures.dueSoonWindow().toDays();
        Div headline = new Div(tile("cockpit-overdue", getTranslation("cockpit.tasks.overdue"),
                        CockpitLinks.link(number(figures.overdueTasks()),
                                getTranslation("cockpit.tasks.overdueLink", figures.overdueTasks()),
                                CockpitLinks.tasks(TaskDue.OVERDUE, null)),
                        figures.overdueTasks() > 0 ? OVERDUE_COLOUR : null),
                tile("cockpit-due-soon", getTranslation("cockpit.tasks.soon", soonDays),
                        CockpitLinks.link(number(figures.tasksDueSoon()),
                                getTranslation("cockpit.tasks.soonLink", figures.tasksDueSoon(), soonDays),
                                CockpitLinks.tasks(TaskDue.SOON, null)), null));
        headline.addClassName("cockpit-tiles");
        List<StepTasks> steps = figures.tasksByStep();
        if (steps.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("cockpit.tasks.none", soonDays));
            none.setId("cockpit-tasks-none");
            return section("cockpit-tasks", getTranslation("cockpit.tasks.title"), null, headline, none);
        }
        FigureTable table = new FigureTable("cockpit-tasks-table", getTranslation("cockpit.tasks.caption", soonDays),
                getTranslation("cockpit.tasks.step"), getTranslation("cockpit.tasks.overdue"),
                getTranslation("cockpit.tasks.soon", soonDays));
        List<String> labels = new ArrayList<>();
        List<Long> overdue = new ArrayList<>();
        List<Long> soon = new ArrayList<>();
        for (StepTasks step : steps) {
            String label = stepLabel(step.step());
            labels.add(label);
            overdue.add(step.overdue());
            soon.add(step.dueSoon());
            table.row(label)
                    .figure(number(step.overdue()), getTranslation("cockpit.tasks.stepOverdueLink", step.overdue(), label),
                            CockpitLinks.tasks(TaskDue.OVERDUE, step.step()))
                    .figure(number(step.dueSoon()), getTranslation("cockpit.tasks.stepSoonLink", step.dueSoon(), label),
                            CockpitLinks.tasks(TaskDue.SOON, step.step()));
        }
        CockpitChart chart = new CockpitChart("cockpit-tasks-chart", getTranslation("cockpit.tasks.chart", soonDays,
                summary(labels, overdue), summary(labels, soon)), labels,
                List.of(new Series(getTranslation("cockpit.tasks.overdue"), OVERDUE_COLOUR, overdue),
                        new Series(getTranslation("cockpit.tasks.soon", soonDays), SOON_COLOUR, soon)),
                true, true, getTranslation("cockpit.tasks.axis"), (6 + 2.5 * steps.size()) + "rem");
        return section("cockpit-tasks", getTranslation("cockpit.tasks.title"), null, headline, chart, table.component());
    }

    // ---- time in each stage ------------------------------------------------------------------------------

    private Component stagesSection(CockpitFigures figures) {
        ReportingPeriod period = figures.period();
        HorizontalLayout periodPicker = new HorizontalLayout(from, to);
        periodPicker.setAlignItems(FlexComponent.Alignment.BASELINE);
        String periodText = getTranslation("cockpit.stages.period", Formats.date(period.first()),
                Formats.date(period.last()));
        FigureTable table = new FigureTable("cockpit-stages-table", getTranslation("cockpit.stages.caption", periodText),
                getTranslation("cockpit.stages.stage"), getTranslation("cockpit.stages.proposals"),
                getTranslation("cockpit.stages.median"), getTranslation("cockpit.stages.p90"));
        List<String> labels = new ArrayList<>();
        List<Double> medians = new ArrayList<>();
        List<Double> p90s = new ArrayList<>();
        for (StageTime time : figures.stageTimes()) {
            String label = stageLabel(time.stage());
            labels.add(label);
            medians.add(time.medianDays() == null ? 0 : round(time.medianDays()));
            p90s.add(time.p90Days() == null ? 0 : round(time.p90Days()));
            String listLabel = getTranslation("cockpit.stages.link", time.proposals(), label, periodText);
            CockpitLinks.Target stays = CockpitLinks.stays(time.stage(), period);
            table.row(label).figure(number(time.proposals()), listLabel, stays);
            if (time.proposals() == 0) {
                table.text("–").text("–");
            } else {
                table.figure(days(time.medianDays()), listLabel, stays).figure(days(time.p90Days()), listLabel, stays);
            }
        }
        CockpitChart chart = new CockpitChart("cockpit-stages-chart", getTranslation("cockpit.stages.chart", periodText,
                summary(labels, medians), summary(labels, p90s)), labels,
                List.of(new Series(getTranslation("cockpit.stages.median"), MEDIAN_COLOUR, medians),
                        new Series(getTranslation("cockpit.stages.p90"), P90_COLOUR, p90s)),
                true, false, getTranslation("cockpit.stages.axis"), "24rem");
        Paragraph explanation = new Paragraph(getTranslation("cockpit.stages.explanation"));
        explanation.addClassName("cockpit-note");
        return section("cockpit-stages", getTranslation("cockpit.stages.title"), periodPicker, chart, table.component(),
                explanation);
    }

    // ---- agreements --------------------------------------------------------------------------------------

    private Component agreementsSection(CockpitFigures figures) {
        long expiringDays = figures.expiringWindow().toDays();
        Div tiles = new Div(tile("cockpit-awaiting-signature", getTranslation("cockpit.agreements.awaiting"),
                        CockpitLinks.link(number(figures.awaitingSignature()),
                                getTranslation("cockpit.agreements.awaitingLink", figures.awaitingSignature()),
                                CockpitLinks.agreements(AgreementShow.AWAITING_SIGNATURE)), null),
                tile("cockpit-expiring", getTranslation("cockpit.agreements.expiring", expiringDays),
                        CockpitLinks.link(number(figures.expiringSoon()),
                                getTranslation("cockpit.agreements.expiringLink", figures.expiringSoon(), expiringDays),
                                CockpitLinks.agreements(AgreementShow.EXPIRING)), figures.expiringSoon() > 0 ? SOON_COLOUR : null));
        tiles.addClassName("cockpit-tiles");
        return section("cockpit-agreements", getTranslation("cockpit.agreements.title"), null, tiles);
    }

    // ---- pieces ------------------------------------------------------------------------------------------

    private static Div section(String id, String title, Component beforeContent, Component... parts) {
        Div section = new Div();
        section.setId(id);
        section.addClassName("cockpit-section");
        section.getElement().setAttribute("role", "region");
        section.getElement().setAttribute("aria-labelledby", id + "-title");
        H3 heading = new H3(title);
        heading.setId(id + "-title");
        section.add(heading);
        if (beforeContent != null) {
            section.add(beforeContent);
        }
        section.add(parts);
        return section;
    }

    private static Div tile(String id, String caption, RouterLink number, String colour) {
        if (colour != null) {
            number.getStyle().set("color", colour);
        }
        Span text = new Span(caption);
        Div tile = new Div(number, new Div(text));
        tile.setId(id);
        tile.addClassName("cockpit-tile");
        return tile;
    }

    /**
     * A table of figures, sent as markup ({@link StaticMarkup}): a caption, column headers, and rows named by their
     * first cell (a row header, for screen readers). Figures are right-aligned, digits of equal width, never wrapped
     * (the theme's {@code .cockpit-table td}); each leads to the list behind it.
     */
    private static final class FigureTable {

        private final Element table = StaticMarkup.root("table");
        private final Element body;
        private Element row;

        FigureTable(String id, String caption, String... headers) {
            table.id(id).addClass("cockpit-table");
            table.appendElement("caption").text(caption);
            Element head = table.appendElement("thead").appendElement("tr");
            for (String header : headers) {
                head.appendElement("th").attr("scope", "col").text(header);
            }
            body = table.appendElement("tbody");
        }

        FigureTable row(String header) {
            row = body.appendElement("tr");
            row.appendElement("th").attr("scope", "row").text(header);
            return this;
        }

        FigureTable totalRow(String header) {
            row(header);
            row.child(0).addClass("cockpit-total");
            return this;
        }

        FigureTable figure(String text, String label, CockpitLinks.Target target) {
            CockpitLinks.appendLink(row.appendElement("td"), text, label, target);
            return this;
        }

        FigureTable text(String text) {
            row.appendElement("td").text(text);
            return this;
        }

        Component component() {
            return StaticMarkup.of(table);
        }
    }

    private String summary(List<String> labels, List<? extends Number> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Number value = values.get(i);
            parts.add(labels.get(i) + " " + (value instanceof Double d ? decimal(d) : number(value.longValue())));
        }
        return String.join(", ", parts);
    }

    private String statusLabel(ProposalStatus status) {
        return getTranslation(LabelKeys.status(status));
    }

    String stepLabel(String step) {
        return getTranslation(LabelKeys.step(step));
    }

    private String stageLabel(Stage stage) {
        return getTranslation(LabelKeys.stage(stage));
    }

    private String number(long value) {
        return NumberFormat.getIntegerInstance(getLocale()).format(value);
    }

    private String decimal(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(getLocale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    private String days(double value) {
        return getTranslation("cockpit.days", decimal(value));
    }

    private static double round(double days) {
        return Math.round(days * 10) / 10.0;
    }
}
