package org.consilium.proposal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.security.CurrentUser;
import org.consilium.security.Roles;
import org.consilium.ui.Formats;

/** The researcher's own proposals (as applicant or team member), paged from the database. */
@Route("proposals")
@Menu(title = "My proposals", order = 0, icon = "FILE_TEXT_O")
@RolesAllowed(Roles.RESEARCHER)
class MyProposalsView extends Div implements HasDynamicTitle {

    MyProposalsView(ProposalService proposals, CurrentUser currentUser) {
        Long me = currentUser.require().personId();
        addClassName("page");
        setSizeFull();

        Button create = new Button(getTranslation("proposal.mine.new"), VaadinIcon.PLUS.create(), e -> {
            Long id = proposals.createDraft();
            getUI().ifPresent(ui -> ui.navigate(ProposalEditorView.class, ProposalEditorView.parameters(id)));
        });
        create.setId("new-proposal");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H2(getTranslation("proposal.mine.title")), create);
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setAlignItems(FlexComponent.Alignment.CENTER);

        Grid<ProposalRow> grid = new Grid<>();
        grid.setId("my-proposals");
        grid.addColumn(r -> r.reference() == null ? "—" : r.reference()).setHeader(getTranslation("proposal.column.reference"))
                .setKey("reference").setSortProperty("reference").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::title).setHeader(getTranslation("proposal.column.title")).setKey("title").setSortProperty("title")
                .setWidth("10em").setFlexGrow(1);
        grid.addColumn(r -> r.acronym() == null ? "" : r.acronym()).setHeader(getTranslation("proposal.column.acronym")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(StatusBadge.renderer(ProposalRow::status)).setHeader(getTranslation("proposal.column.status"))
                .setKey("status").setSortProperty("status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> Formats.dateTime(r.updatedAt())).setHeader(getTranslation("proposal.column.updatedAt")).setKey("updatedAt")
                .setSortProperty("updatedAt").setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.setItems(query -> proposals.myProposals(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) proposals.countMyProposals());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("proposal.mine.empty"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> {
            if (e.getItem().status() == ProposalStatus.DRAFT && me.equals(e.getItem().applicantId())) {
                ui.navigate(ProposalEditorView.class, ProposalEditorView.parameters(e.getItem().id()));
            } else {
                ui.navigate(ProposalView.class, ProposalView.parameters(e.getItem().id()));
            }
        }));
        org.consilium.ui.GridKeyboard.openRowsWithEnter(grid);
        grid.setHeight("60vh");

        add(header, new Paragraph(getTranslation("proposal.mine.hint")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("proposal.mine.pageTitle");
    }

    private String title(ProposalRow row) {
        return row.title() == null || row.title().isBlank() ? getTranslation("proposal.untitled") : row.title();
    }
}
