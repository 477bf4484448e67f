package org.consilium.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.consilium.security.ConsiliumUser;
import org.consilium.security.CurrentUser;

/**
 * The shell around every signed-in view. The navigation lists only the views the signed-in roles may
 * open: Vaadin's menu configuration filters {@code @Menu} views through their access annotations.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    MainLayout(CurrentUser currentUser, AuthenticationContext authentication, java.util.List<HeaderWidget> widgets,
               Translations translations) {
        H1 title = new H1(getTranslation("app.name"));
        title.addClassName("app-title");
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("a11y.navigation.toggle"));
        addToNavbar(toggle, title);

        currentUser.find().ifPresent(user -> {
            addToNavbar(userBox(user));
            widgets.forEach(widget -> addToNavbar(widget.create()));
            addToNavbar(signOut(authentication));
        });

        SideNav nav = new SideNav();
        nav.setId("side-navigation");
        MenuConfiguration.getMenuEntries().forEach(entry -> {
            SideNavItem item = new SideNavItem(translations.translateOr(entry.title(), menuKey(entry.path())),
                    entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(VaadinIcon.valueOf(entry.icon()).create());
            }
            nav.addItem(item);
        });
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    /**
     * {@code @Menu} titles are static English: each entry is translated by a key made from its route,
     * {@code menu.} and the path with dots for slashes ({@code admin/people} → {@code menu.admin.people}).
     */
    static String menuKey(String path) {
        String route = path == null ? "" : path.replaceAll("^/+|/+$", "");
        return "menu." + (route.isEmpty() ? "home" : route.replace('/', '.'));
    }

    /** The view is the page's main landmark, so that screen-reader users can skip the header and menu to it. */
    @Override
    public void showRouterLayoutContent(com.vaadin.flow.component.HasElement content) {
        super.showRouterLayoutContent(content);
        if (content != null) {
            content.getElement().setAttribute("role", "main");
        }
    }

    private static Div userBox(ConsiliumUser user) {
        Span name = new Span(user.fullName());
        name.setId("current-user-name");
        Element organisation = new Element("small");
        organisation.setText(user.organisationName());
        organisation.setAttribute("id", "current-user-organisation");
        Div box = new Div(name);
        box.getElement().appendChild(organisation);
        box.addClassName("app-user");
        return box;
    }

    private Button signOut(AuthenticationContext authentication) {
        Button button = new Button(getTranslation("action.signOut"), VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.getElement().getStyle().set("margin-right", "var(--lumo-space-m)").set("color", "white");
        return button;
    }
}
