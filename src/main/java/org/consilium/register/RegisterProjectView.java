package org.consilium.register;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Instant;
import org.consilium.security.CurrentUser;
import org.consilium.ui.Formats;
import org.consilium.ui.UserLocales;

/**
 * One published project, for anyone: its public facts and dates, and its lay summary. A reference the register
 * does not hold shows a message here rather than the portal's error view, which is for signed-in people.
 */
@Route("register/:reference")
@AnonymousAllowed
class RegisterProjectView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String REFERENCE = "reference";

    private final RegisterService register;
    private final CurrentUser currentUser;
    private final UserLocales locales;
    private String pageTitle;

    RegisterProjectView(RegisterService register, CurrentUser currentUser, UserLocales locales) {
        this.register = register;
        this.currentUser = currentUser;
        this.locales = locales;
        addClassName("page");
        setId("register-project");
        pageTitle = getTranslation("register.title");
    }

    static RouteParameters parameters(String reference) {
        return new RouteParameters(REFERENCE, reference);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String reference = event.getRouteParameters().get(REFERENCE).orElse("");
        RouterLink back = new RouterLink("", RegisterView.class);
        back.add(VaadinIcon.ARROW_LEFT.create(), new Span(" " + getTranslation("register.back")));
        back.setId("register-back");
        add(new PublicBar(currentUser, locales, back));
        register.project(reference).ifPresentOrElse(this::show, () -> {
            Paragraph unknown = new Paragraph(getTranslation("register.project.unknown", reference));
            unknown.setId("register-unknown");
            add(new H2(getTranslation("register.project.unknownTitle")), unknown);
        });
    }

    private void show(RegisterProject project) {
        pageTitle = getTranslation("register.project.title", project.reference());
        H2 title = new H2(project.title());
        title.setId("register-project-title");
        title.getStyle().set("margin", "var(--lumo-space-m) 0 var(--lumo-space-xs)");
        Span reference = new Span(project.reference()
                + (project.acronym() == null ? "" : " · " + project.acronym()));
        reference.addClassName("reference");
        HorizontalLayout line = new HorizontalLayout(reference, RegisterLabels.badge(this, project.status()));
        line.setAlignItems(FlexComponent.Alignment.CENTER);

        Element facts = new Element("dl");
        facts.setAttribute("id", "register-facts");
        facts.getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr")
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-l)").set("margin", "var(--lumo-space-m) 0");
        fact(facts, "register.project.lead", project.leadOrganisation());
        fact(facts, "register.project.areas", RegisterLabels.areas(this, project.diseaseAreas()));
        fact(facts, "register.project.approved", date(project.approvedAt()));
        fact(facts, "register.project.executed", date(project.executedAt()));
        fact(facts, "register.project.accessStarts", date(project.accessStartsAt()));
        fact(facts, project.status() == RegisterStatus.ACTIVE ? "register.project.accessEnds"
                : "register.project.accessEnded", date(project.accessEndsAt()));
        if (project.closedAt() != null) {
            fact(facts, "register.project.closed", date(project.closedAt()));
        }
        Div factBox = new Div();
        factBox.getElement().appendChild(facts);

        H3 summaryHeading = new H3(getTranslation("register.project.laySummary"));
        Paragraph summary = new Paragraph(project.laySummary());
        summary.setId("register-lay-summary");
        summary.getStyle().set("white-space", "pre-line").set("max-width", "50em").set("line-height", "1.6");
        Paragraph note = new Paragraph(getTranslation("register.project.note"));
        note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("max-width", "50em");
        add(title, line, factBox, summaryHeading, summary, note);
    }

    private void fact(Element list, String key, String value) {
        Element term = new Element("dt").setText(getTranslation(key));
        term.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Element description = new Element("dd").setText(value == null || value.isEmpty() ? "—" : value);
        description.getStyle().set("margin", "0");
        list.appendChild(term, description);
    }

    private static String date(Instant instant) {
        return Formats.date(instant);
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }
}
