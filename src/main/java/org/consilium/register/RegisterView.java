package org.consilium.register;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import java.util.List;
import org.consilium.proposal.DiseaseArea;
import org.consilium.security.CurrentUser;
import org.consilium.ui.Formats;
import org.consilium.ui.UserLocales;

/**
 * The public register: every project whose data-access agreement was executed, for anyone, signed in or not.
 * Searching, filtering, sorting and paging all happen in the database.
 */
@Route("register")
@Menu(title = "Public register", order = 20, icon = "BOOK")
@AnonymousAllowed
class RegisterView extends Div implements HasDynamicTitle {

    private final TextField search = new TextField();
    private final ComboBox<DiseaseArea> area = new ComboBox<>();
    private final ComboBox<RegisterStatus> status = new ComboBox<>();
    private final Grid<RegisterRow> grid = new Grid<>();

    RegisterView(RegisterService register, CurrentUser currentUser, UserLocales locales) {
        addClassName("page");
        setId("public-register");
        H2 title = new H2(getTranslation("register.heading"));
        title.getStyle().set("margin", "0");
        Paragraph intro = new Paragraph(getTranslation("register.intro"));
        intro.getStyle().set("color", "var(--lumo-secondary-text-color)").set("max-width", "50em");

        search.setId("register-search");
        search.setLabel(getTranslation("register.search.label"));
        search.setPlaceholder(getTranslation("register.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setMaxLength(RegisterService.MAX_TEXT);
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMinWidth("18em");
        area.setId("register-area");
        area.setLabel(getTranslation("register.filter.area"));
        area.setPlaceholder(getTranslation("register.filter.anyArea"));
        area.setItems(DiseaseArea.values());
        area.setItemLabelGenerator(a -> RegisterLabels.area(this, a));
        area.setClearButtonVisible(true);
        area.setMinWidth("18em");
        status.setId("register-status");
        status.setLabel(getTranslation("register.filter.status"));
        status.setPlaceholder(getTranslation("register.filter.anyStatus"));
        status.setItems(RegisterStatus.values());
        status.setItemLabelGenerator(s -> RegisterLabels.status(this, s));
        status.setClearButtonVisible(true);
        search.addValueChangeListener(e -> refresh());
        area.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        FlexLayout filters = new FlexLayout(search, area, status);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-m)");

        grid.setId("register-projects");
        grid.addColumn(RegisterRow::reference).setHeader(getTranslation("register.column.reference"))
                .setKey("reference").setSortProperty("reference").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(this::titleLink))
                .setHeader(getTranslation("register.column.title")).setKey("title").setSortProperty("title")
                .setFlexGrow(3);
        grid.addColumn(RegisterRow::leadOrganisation).setHeader(getTranslation("register.column.lead"))
                .setKey("leadOrganisation").setSortProperty("leadOrganisation").setFlexGrow(2);
        grid.addColumn(r -> RegisterLabels.areasShort(this, r.diseaseAreas()))
                .setHeader(getTranslation("register.column.areas")).setKey("areas").setFlexGrow(1);
        Grid.Column<RegisterRow> executed = grid.addColumn(r -> Formats.date(r.executedAt()))
                .setHeader(getTranslation("register.column.executed")).setKey("executedAt")
                .setSortProperty("executedAt").setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> Formats.date(r.accessEndsAt())).setHeader(getTranslation("register.column.accessEnds"))
                .setKey("accessEndsAt").setSortProperty("accessEndsAt").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(new ComponentRenderer<>(r -> RegisterLabels.badge(this, r.status())))
                .setHeader(getTranslation("register.column.status")).setKey("status").setSortProperty("status")
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> register.search(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, register.count(filter())));
        grid.sort(List.of(new GridSortOrder<>(executed, SortDirection.DESCENDING)));
        grid.setMultiSort(false);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("register.none"));
        grid.setPageSize(50);
        grid.setHeight("65vh");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(RegisterProjectView.class,
                RegisterProjectView.parameters(e.getItem().reference()))));

        VerticalLayout head = new VerticalLayout(new PublicBar(currentUser, locales, title), intro, filters);
        head.setPadding(false);
        head.setSpacing(false);
        add(head, grid);
    }

    /** An empty register says so; a search that finds nothing says that instead. */
    private void refresh() {
        boolean filtered = !search.getValue().isBlank() || area.getValue() != null || status.getValue() != null;
        grid.setEmptyStateText(getTranslation(filtered ? "register.empty" : "register.none"));
        grid.getDataProvider().refreshAll();
    }

    private RegisterFilter filter() {
        return new RegisterFilter(search.getValue(), area.getValue(), status.getValue());
    }

    private RouterLink titleLink(RegisterRow row) {
        RouterLink link = new RouterLink(row.title(), RegisterProjectView.class,
                RegisterProjectView.parameters(row.reference()));
        if (row.acronym() != null) {
            Span acronym = new Span(" (" + row.acronym() + ")");
            acronym.getStyle().set("color", "var(--lumo-secondary-text-color)");
            link.add(acronym);
        }
        return link;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("register.title");
    }
}
