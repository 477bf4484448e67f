package org.consilium.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import jakarta.annotation.security.PermitAll;
import org.consilium.security.CurrentUser;

/** The start page: sends each person to the first view their roles may use. */
@Route("")
@PageTitle("Consilium")
@PermitAll
class HomeView extends Div implements BeforeEnterObserver {

    HomeView(CurrentUser currentUser) {
        addClassName("page");
        add(new H2("Welcome" + currentUser.find().map(u -> ", " + u.fullName()).orElse("")),
                new Paragraph("Your roles give you no screens yet. The governance office can tell you more."));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        MenuConfiguration.getMenuEntries().stream().findFirst()
                .ifPresent(entry -> event.forwardTo(entry.path()));
    }
}
