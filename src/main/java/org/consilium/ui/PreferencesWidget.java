package org.consilium.ui;

import com.vaadin.flow.component.Component;
import org.springframework.core.annotation.Order;

/** Language and time zone in the header of every signed-in page. */
@org.springframework.stereotype.Component
@Order(10)
class PreferencesWidget implements HeaderWidget {

    private final UserLocales locales;

    PreferencesWidget(UserLocales locales) {
        this.locales = locales;
    }

    @Override
    public Component create() {
        return new LanguageMenu(locales, true);
    }
}
