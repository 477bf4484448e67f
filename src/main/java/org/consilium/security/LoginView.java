package org.consilium.security;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import org.consilium.member.DemoMembers;
import org.springframework.beans.factory.ObjectProvider;

/** Sign-in. Lists the demo users only where demo data is loaded (the embedded default). */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Consilium")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    LoginView(ObjectProvider<DemoMembers> demoMembers) {
        addClassName("login-page");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.START);
        getStyle().set("padding-top", "var(--lumo-space-xl)");

        H1 title = new H1("Consilium");
        title.getStyle().set("color", "white").set("margin-bottom", "0");
        Paragraph tagline = new Paragraph("Research-project governance of the European Haematology Data Foundation");
        tagline.getStyle().set("color", "white").set("margin-top", "0");

        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        LoginI18n i18n = LoginI18n.createDefault();
        // Says the same whether the user exists, the password is wrong or the account is locked.
        i18n.getErrorMessage().setTitle("Not signed in");
        i18n.getErrorMessage().setMessage("The username or password is not correct, or there were too many failed"
                + " attempts: after 5 the account is locked for 15 minutes.");
        login.setI18n(i18n);
        add(title, tagline, login);
        Optional.ofNullable(demoMembers.getIfAvailable()).ifPresent(demo -> add(demoUsers(demo)));
    }

    private static Div demoUsers(DemoMembers demo) {
        Div box = new Div();
        box.addClassName("demo-users");
        box.setId("demo-users");
        box.add(new Paragraph("Demo users — password \"" + DemoMembers.PASSWORD + "\" (embedded demo database only):"));
        Element table = new Element("table");
        demo.accounts().forEach(account -> {
            Element row = new Element("tr");
            Element user = new Element("td");
            user.appendChild(new Element("code").setText(account.username()));
            row.appendChild(user, new Element("td").setText(account.description()));
            table.appendChild(row);
        });
        box.getElement().appendChild(table);
        return box;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
