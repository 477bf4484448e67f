package org.consilium.register;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.consilium.security.CurrentUser;
import org.consilium.ui.LanguageMenu;
import org.consilium.ui.UserLocales;

/**
 * The top of a register page: what the page puts on the left, and for a visitor who is not signed in the language
 * switch and the way to sign in (signed-in people have both in the header already).
 */
final class PublicBar extends HorizontalLayout {

    PublicBar(CurrentUser currentUser, UserLocales locales, Component... left) {
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        HorizontalLayout start = new HorizontalLayout(left);
        start.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(start);
        if (currentUser.find().isEmpty()) {
            Anchor signIn = new Anchor("login", getTranslation("register.signIn"));
            signIn.setId("register-sign-in");
            HorizontalLayout end = new HorizontalLayout(new LanguageMenu(locales, false), signIn);
            end.setAlignItems(FlexComponent.Alignment.CENTER);
            add(end);
        }
    }
}
