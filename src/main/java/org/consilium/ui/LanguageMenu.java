package org.consilium.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The language switch (each language named in itself) and, for signed-in people, the time-zone choice.
 * Used in the header of signed-in pages and on the public pages.
 */
public class LanguageMenu extends MenuBar {

    public LanguageMenu(UserLocales locales, boolean signedIn) {
        setId("language-menu");
        addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_CONTRAST);
        Locale current = Translations.locale();
        MenuItem root = addItem(VaadinIcon.GLOBE.create());
        root.add(" " + current.getLanguage().toUpperCase(Locale.ROOT));
        root.setAriaLabel(getTranslation("preferences.menu", Translations.nameOf(current), UserZone.current().getId()));
        SubMenu menu = root.getSubMenu();
        for (Locale locale : Translations.languages()) {
            MenuItem item = menu.addItem(Translations.nameOf(locale), e -> locales.switchTo(locale));
            item.getElement().setAttribute("lang", locale.getLanguage());
            item.setId("language-" + locale.getLanguage());
            item.setCheckable(true);
            item.setChecked(locale.getLanguage().equals(current.getLanguage()));
        }
        if (signedIn) {
            menu.addSeparator();
            menu.addItem(getTranslation("preferences.zone.item", UserZone.current().getId()), e -> chooseZone(locales))
                    .setId("time-zone-item");
        }
    }

    private void chooseZone(UserLocales locales) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("preferences.zone.title"));
        ComboBox<String> zones = new ComboBox<>(getTranslation("preferences.zone.label"));
        zones.setId("time-zone");
        zones.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") || z.equals("UTC")).sorted().toList());
        zones.setValue(UserZone.current().getId());
        zones.setWidth("22em");
        zones.setRequired(true);
        dialog.add(zones);
        Button save = new Button(getTranslation("action.save"), e -> {
            if (zones.getValue() != null) {
                locales.chooseZone(zones.getValue());
                dialog.close();
            }
        });
        save.setId("save-time-zone");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }
}
