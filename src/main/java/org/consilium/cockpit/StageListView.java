package org.consilium.cockpit;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.Writer;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.consilium.cockpit.Lines.StayFilter;
import org.consilium.cockpit.Lines.StayLine;
import org.consilium.security.Roles;
import org.consilium.ui.DatePickers;
import org.consilium.ui.Formats;
import org.consilium.ui.UserZone;

/**
 * The proposals behind a stage's median and 90th percentile: each with its days in the stage over the period,
 * longest first ({@code ?stage=review&from=2025-01-01&to=2025-12-31}).
 */
@Route("cockpit/stages")
@RolesAllowed({Roles.STAFF, Roles.ADMINISTRATOR})
class StageListView extends CockpitListView<StayLine> {

    private final CockpitService cockpit;
    private final Clock clock;
    private final ComboBox<Stage> stage = new ComboBox<>();
    private final DatePicker from = DatePickers.localized(new DatePicker());
    private final DatePicker to = DatePickers.localized(new DatePicker());

    StageListView(CockpitService cockpit, Clock clock) {
        super("cockpit-stage-list", "cockpit/stages");
        this.cockpit = cockpit;
        this.clock = clock;
        stage.setLabel(getTranslation("cockpit.stages.stage"));
        stage.setId("cockpit-stage-stage");
        stage.setItems(Stage.values());
        stage.setItemLabelGenerator(s -> getTranslation(LabelKeys.stage(s)));
        stage.addValueChangeListener(e -> filtersChanged());
        from.setLabel(getTranslation("cockpit.period.from"));
        from.setId("cockpit-stage-from");
        from.addValueChangeListener(e -> filtersChanged());
        to.setLabel(getTranslation("cockpit.period.to"));
        to.setId("cockpit-stage-to");
        to.addValueChangeListener(e -> filtersChanged());

        grid.addComponentColumn(s -> proposalLink(s.proposalId(), s.reference()))
                .setHeader(getTranslation("cockpit.list.reference")).setSortProperty("reference").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(StayLine::title).setHeader(getTranslation("cockpit.list.title")).setSortProperty("title")
                .setFlexGrow(2);
        grid.addColumn(s -> days(s.days())).setHeader(getTranslation("cockpit.stageList.days"))
                .setSortProperty("days").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> Formats.dateTime(s.leftAt())).setHeader(getTranslation("cockpit.stageList.left"))
                .setSortProperty("left").setAutoWidth(true).setFlexGrow(0);
        layOut(getTranslation("cockpit.stageList.title"), stage, from, to);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cockpit.stageList.pageTitle");
    }

    private String days(double days) {
        NumberFormat format = NumberFormat.getNumberInstance(getLocale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(days);
    }

    @Override
    protected void read(QueryParameters parameters) {
        stage.setValue(CockpitLinks.parse(Stage.class, parameters.getSingleParameter(CockpitLinks.STAGE).orElse(null),
                Stage.REVIEW));
        ReportingPeriod fallback = ReportingPeriod.lastTwelveMonths(clock, UserZone.current());
        from.setValue(date(parameters, CockpitLinks.FROM, fallback.first()));
        to.setValue(date(parameters, CockpitLinks.TO, fallback.last()));
    }

    private static LocalDate date(QueryParameters parameters, String name, LocalDate fallback) {
        try {
            return parameters.getSingleParameter(name).map(LocalDate::parse).orElse(fallback);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    @Override
    protected QueryParameters parameters() {
        return CockpitLinks.params(CockpitLinks.STAGE, CockpitLinks.value(stage.getValue()), CockpitLinks.FROM,
                from.getValue() == null ? null : from.getValue().toString(), CockpitLinks.TO,
                to.getValue() == null ? null : to.getValue().toString());
    }

    /** The chosen stage and period; an incomplete or reversed period shows nothing rather than failing. */
    private StayFilter filter() {
        if (stage.getValue() == null || from.getValue() == null || to.getValue() == null
                || to.getValue().isBefore(from.getValue())) {
            return null;
        }
        return new StayFilter(stage.getValue(), new ReportingPeriod(from.getValue(), to.getValue(), UserZone.current()));
    }

    @Override
    protected List<StayLine> fetch(Paging paging) {
        StayFilter filter = filter();
        return filter == null ? List.of() : cockpit.stays(filter, paging);
    }

    @Override
    protected long count() {
        StayFilter filter = filter();
        return filter == null ? 0 : cockpit.countStays(filter);
    }

    @Override
    protected void export(String sortKey, boolean ascending, Writer out) {
        StayFilter filter = filter();
        if (filter != null) {
            cockpit.exportStays(filter, sortKey, ascending, out);
        }
    }

    @Override
    protected String fileName() {
        return "consilium-time-in-stage.csv";
    }
}
