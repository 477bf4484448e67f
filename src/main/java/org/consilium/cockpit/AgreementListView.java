package org.consilium.cockpit;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.Writer;
import java.util.List;
import org.consilium.cockpit.Lines.AgreementFilter;
import org.consilium.cockpit.Lines.AgreementLine;
import org.consilium.security.Roles;
import org.consilium.ui.Formats;

/** Agreements awaiting signature, expiring soon, or all: the list behind the cockpit's agreement figures. */
@Route("cockpit/agreements")
@RolesAllowed({Roles.STAFF, Roles.ADMINISTRATOR})
class AgreementListView extends CockpitListView<AgreementLine> {

    private final CockpitService cockpit;
    private final ComboBox<AgreementShow> show = new ComboBox<>();
    private final TextField text = new TextField();

    AgreementListView(CockpitService cockpit) {
        super("cockpit-agreement-list", "cockpit/agreements");
        this.cockpit = cockpit;
        show.setLabel(getTranslation("cockpit.agreementList.show"));
        show.setId("cockpit-agreement-show");
        show.setItems(AgreementShow.values());
        show.setItemLabelGenerator(s -> getTranslation(LabelKeys.show(s)));
        show.addValueChangeListener(e -> filtersChanged());
        text.setLabel(getTranslation("cockpit.list.text"));
        text.setId("cockpit-agreement-text");
        text.setMaxLength(200);
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> filtersChanged());

        grid.addComponentColumn(a -> proposalLink(a.proposalId(), a.reference()))
                .setHeader(getTranslation("cockpit.list.reference")).setSortProperty("reference").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AgreementLine::title).setHeader(getTranslation("cockpit.list.title")).setSortProperty("title")
                .setFlexGrow(2);
        grid.addColumn(AgreementLine::leadOrganisation).setHeader(getTranslation("cockpit.list.lead"))
                .setSortProperty("lead").setFlexGrow(1);
        grid.addColumn(a -> getTranslation(LabelKeys.agreementStatus(a.status())))
                .setHeader(getTranslation("cockpit.agreementList.status")).setSortProperty("status").setAutoWidth(true);
        grid.addColumn(a -> Formats.dateTime(a.sentAt())).setHeader(getTranslation("cockpit.agreementList.sent"))
                .setSortProperty("sent").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> Formats.date(a.accessEndsAt())).setHeader(getTranslation("cockpit.agreementList.ends"))
                .setSortProperty("ends").setAutoWidth(true).setFlexGrow(0);
        layOut(getTranslation("cockpit.agreementList.title"), show, text);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cockpit.agreementList.pageTitle");
    }

    @Override
    protected void read(QueryParameters parameters) {
        show.setValue(CockpitLinks.parse(AgreementShow.class,
                parameters.getSingleParameter(CockpitLinks.SHOW).orElse(null), AgreementShow.ALL));
        text.setValue(parameters.getSingleParameter(CockpitLinks.TEXT).orElse(""));
    }

    @Override
    protected QueryParameters parameters() {
        return CockpitLinks.params(CockpitLinks.SHOW, CockpitLinks.value(show.getValue()), CockpitLinks.TEXT,
                text.getValue());
    }

    private AgreementFilter filter() {
        return new AgreementFilter(show.getValue() == null ? AgreementShow.ALL : show.getValue(), text.getValue());
    }

    @Override
    protected List<AgreementLine> fetch(Paging paging) {
        return cockpit.agreements(filter(), paging);
    }

    @Override
    protected long count() {
        return cockpit.countAgreements(filter());
    }

    @Override
    protected void export(String sortKey, boolean ascending, Writer out) {
        cockpit.exportAgreements(filter(), sortKey, ascending, out);
    }

    @Override
    protected String fileName() {
        return "consilium-agreements.csv";
    }
}
