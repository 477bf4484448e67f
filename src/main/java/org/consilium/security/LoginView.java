package org.consilium.security;

import com.vaadin.flow.component.html.Anchor;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import org.consilium.member.DemoMembers;
import org.consilium.ui.LanguageMenu;
import org.consilium.ui.UserLocales;
import org.springframework.beans.factory.ObjectProvider;

/** Sign-in. Lists the demo users only where demo data is loaded (the embedded default). */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();

    LoginView(ObjectProvider<DemoMembers> demoMembers, UserLocales locales) {
        addClassName("login-page");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.START);
        getStyle().set("padding-top", "var(--lumo-space-xl)");

        H1 title = new H1(getTranslation("app.name"));
        title.getStyle().set("color", "white").set("margin-bottom", "0");
        Paragraph tagline = new Paragraph(getTranslation("app.tagline"));
        tagline.getStyle().set("color", "white").set("margin-top", "0");

        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        LoginI18n i18n = LoginI18n.createDefault();
        // Says the same whether the user exists, the password is wrong or the account is locked.
        i18n.getForm().setTitle(getTranslation("login.form.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        login.setI18n(i18n);
        LanguageMenu language = new LanguageMenu(locales, false);
        language.getStyle().set("color", "white");
        // The public register needs no sign-in; its route is in org.consilium.register.
        Anchor register = new Anchor("register", getTranslation("register.login.link"));
        register.setId("public-register-link");
        register.getStyle().set("color", "white");
        add(language, title, tagline, login, register);
        Optional.ofNullable(demoMembers.getIfAvailable()).ifPresent(demo -> add(demoUsers(demo)));
    }

    private Div demoUsers(DemoMembers demo) {
        Div box = new Div();
        box.addClassName("demo-users");
        box.setId("demo-users");
        box.add(new Paragraph(getTranslation("login.demo", DemoMembers.PASSWORD)));
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
    public String getPageTitle() {
        return getTranslation("login.title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
