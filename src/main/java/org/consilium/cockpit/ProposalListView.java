package org.consilium.cockpit;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.Writer;
import java.util.EnumSet;
import java.util.List;
import org.consilium.cockpit.Lines.ProposalFilter;
import org.consilium.cockpit.Lines.ProposalLine;
import org.consilium.proposal.ProposalStatus;
import org.consilium.security.Roles;
import org.consilium.ui.Formats;

/** Submitted proposals, by status and text: the list behind the cockpit's counts ({@code ?status=UNDER_REVIEW&q=…}). */
@Route("cockpit/proposals")
@RolesAllowed({Roles.STAFF, Roles.ADMINISTRATOR})
class ProposalListView extends CockpitListView<ProposalLine> {

    private final CockpitService cockpit;
    private final ComboBox<ProposalStatus> status = new ComboBox<>();
    private final TextField text = new TextField();

    ProposalListView(CockpitService cockpit) {
        super("cockpit-proposal-list", "cockpit/proposals");
        this.cockpit = cockpit;
        status.setLabel(getTranslation("cockpit.proposals.status"));
        status.setId("cockpit-proposal-status");
        status.setItems(EnumSet.complementOf(EnumSet.of(ProposalStatus.DRAFT)));
        status.setItemLabelGenerator(s -> getTranslation(LabelKeys.status(s)));
        status.setPlaceholder(getTranslation("cockpit.list.anyStatus"));
        status.setClearButtonVisible(true);
        status.addValueChangeListener(e -> filtersChanged());
        text.setLabel(getTranslation("cockpit.list.text"));
        text.setId("cockpit-proposal-text");
        text.setMaxLength(200);
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> filtersChanged());

        grid.addComponentColumn(p -> proposalLink(p.id(), p.reference())).setHeader(getTranslation("cockpit.list.reference"))
                .setSortProperty("reference").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ProposalLine::title).setHeader(getTranslation("cockpit.list.title")).setSortProperty("title")
                .setFlexGrow(2);
        grid.addColumn(p -> getTranslation(LabelKeys.status(p.status())))
                .setHeader(getTranslation("cockpit.proposals.status")).setSortProperty("status").setFlexGrow(1);
        grid.addColumn(ProposalLine::leadOrganisation).setHeader(getTranslation("cockpit.list.lead"))
                .setSortProperty("lead").setFlexGrow(1);
        grid.addColumn(p -> Formats.date(p.submittedAt())).setHeader(getTranslation("cockpit.list.submitted"))
                .setSortProperty("submitted").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> Formats.dateTime(p.updatedAt())).setHeader(getTranslation("cockpit.list.updated"))
                .setSortProperty("updated").setAutoWidth(true).setFlexGrow(0);
        layOut(getTranslation("cockpit.proposalList.title"), status, text);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cockpit.proposalList.pageTitle");
    }

    @Override
    protected void read(QueryParameters parameters) {
        String value = parameters.getSingleParameter(CockpitLinks.STATUS).orElse(null);
        ProposalStatus chosen = CockpitLinks.parse(ProposalStatus.class, value, null);
        status.setValue(chosen == ProposalStatus.DRAFT ? null : chosen);
        text.setValue(parameters.getSingleParameter(CockpitLinks.TEXT).orElse(""));
    }

    @Override
    protected QueryParameters parameters() {
        return CockpitLinks.params(CockpitLinks.STATUS, status.getValue() == null ? null : status.getValue().name(),
                CockpitLinks.TEXT, text.getValue());
    }

    private ProposalFilter filter() {
        return new ProposalFilter(status.getValue(), text.getValue());
    }

    @Override
    protected List<ProposalLine> fetch(Paging paging) {
        return cockpit.proposals(filter(), paging);
    }

    @Override
    protected long count() {
        return cockpit.countProposals(filter());
    }

    @Override
    protected void export(String sortKey, boolean ascending, Writer out) {
        cockpit.exportProposals(filter(), sortKey, ascending, out);
    }

    @Override
    protected String fileName() {
        return "consilium-proposals.csv";
    }
}
