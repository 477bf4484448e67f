package org.consilium.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** Shown instead of a view or a record the signed-in person may not open; says why, in plain words. */
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessRefusedView extends Div implements HasErrorParameter<AccessDeniedException>, HasDynamicTitle {

    private final Paragraph reason = new Paragraph();

    AccessRefusedView() {
        addClassName("refusal");
        setId("access-refused");
        add(new H2(getTranslation("error.accessRefused.heading")), reason,
                new RouterLink(getTranslation("error.backToStart"), HomeView.class));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("error.accessRefused.title");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        // Vaadin refuses a view by its access annotations with an English reason for developers; a view that refuses
        // a record (another's proposal) says why in the user's language itself.
        boolean byRoles = event.getSource().getRegistry().getNavigationTarget(event.getLocation().getPath())
                .map(target -> !new AccessAnnotationChecker().hasAccess(target)).orElse(false);
        reason.setText(parameter.hasCustomMessage() && !byRoles ? parameter.getCustomMessage()
                : getTranslation("error.accessRefused.roles"));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
