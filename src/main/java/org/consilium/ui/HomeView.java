package org.consilium.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import jakarta.annotation.security.PermitAll;
import org.consilium.security.CurrentUser;

/** The start page: sends each person to the first view their roles may use. */
@Route("")
@PermitAll
class HomeView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    HomeView(CurrentUser currentUser) {
        addClassName("page");
        add(new H2(currentUser.find().map(u -> getTranslation("home.welcome.named", u.fullName()))
                        .orElseGet(() -> getTranslation("home.welcome"))),
                new Paragraph(getTranslation("home.noScreens")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        MenuConfiguration.getMenuEntries().stream().findFirst()
                .ifPresent(entry -> event.forwardTo(entry.path()));
    }
}
