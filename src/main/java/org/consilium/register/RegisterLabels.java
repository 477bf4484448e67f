package org.consilium.register;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.util.Set;
import java.util.stream.Collectors;
import org.consilium.proposal.DiseaseArea;

/** The register's words for its statuses and the disease areas, in the visitor's language. */
final class RegisterLabels {

    // Keys made of a prefix and an enum name: RegisterTranslationsTest checks that every one exists.
    static final String STATUS = "register.status.";
    static final String AREA = "register.area.";
    static final String AREA_SHORT = "register.areaShort.";

    private RegisterLabels() {
    }

    static String status(Component in, RegisterStatus status) {
        return in.getTranslation(STATUS + status.name());
    }

    static String area(Component in, DiseaseArea area) {
        return in.getTranslation(AREA + area.name());
    }

    static String areasShort(Component in, Set<DiseaseArea> areas) {
        return areas.stream().map(a -> in.getTranslation(AREA_SHORT + a.name()))
                .collect(Collectors.joining(", "));
    }

    static String areas(Component in, Set<DiseaseArea> areas) {
        return areas.stream().map(a -> area(in, a)).collect(Collectors.joining(", "));
    }

    /** A Lumo badge: green while access runs, grey once it has ended or the project is closed. */
    static Span badge(Component in, RegisterStatus status) {
        Span badge = new Span(status(in, status));
        badge.getElement().getThemeList().add("badge");
        if (status == RegisterStatus.ACTIVE) {
            badge.getElement().getThemeList().add("success");
        } else if (status == RegisterStatus.ACCESS_ENDED) {
            badge.getElement().getThemeList().add("contrast");
        }
        badge.getElement().setAttribute("data-status", status.name());
        return badge;
    }
}
