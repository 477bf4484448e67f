package org.consilium.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.consilium.member.PreferenceService;
import org.consilium.member.Preferences;
import org.consilium.security.ConsiliumUser;
import org.consilium.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Sets each new UI's language and time zone: the signed-in person's choice, else the language cookie of someone
 * who chose before signing in, else the browser's language (Vaadin matches it to English or French) and the
 * browser's time zone, else UTC. Loaded once per person per session.
 */
@Component
public class UserLocales implements VaadinServiceInitListener {

    static final String COOKIE = "consilium-language";
    private static final String LOADED_FOR = UserLocales.class.getName() + ".person";

    private final CurrentUser currentUser;
    private final PreferenceService preferences;

    UserLocales(CurrentUser currentUser, PreferenceService preferences) {
        this.currentUser = currentUser;
        this.preferences = preferences;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> apply(init.getUI()));
    }

    private void apply(UI ui) {
        chooseLocale(ui);
        // Screen readers pronounce the page in the language its <html lang> names (WCAG 3.1.1)
        ui.getPage().executeJs("document.documentElement.lang = $0", ui.getLocale().getLanguage());
    }

    private void chooseLocale(UI ui) {
        VaadinSession session = ui.getSession();
        Long personId = currentUser.find().map(ConsiliumUser::personId).orElse(null);
        if (personId != null && !Objects.equals(session.getAttribute(LOADED_FOR), personId)) {
            session.setAttribute(LOADED_FOR, personId);
            Preferences mine = preferences.mine();
            if (mine.language() != null) {
                session.setLocale(Translations.forCode(mine.language()));
            } else {
                cookieLanguage().ifPresent(session::setLocale);
            }
            if (mine.timeZone() != null) {
                UserZone.set(session, mine.timeZone());
                return;
            }
        } else if (personId == null) {
            cookieLanguage().ifPresent(session::setLocale);
        }
        if (session.getAttribute(UserZone.ATTRIBUTE) == null) {
            ui.getPage().retrieveExtendedClientDetails(details -> UserZone.set(session, details.getTimeZoneId()));
        }
    }

    private static java.util.Optional<Locale> cookieLanguage() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getCookies() == null) {
            return java.util.Optional.empty();
        }
        return Arrays.stream(request.getCookies()).filter(c -> COOKIE.equals(c.getName()))
                .map(c -> Translations.forCode(c.getValue())).findFirst();
    }

    /**
     * Switches the language now and remembers it: on the person when signed in, in a cookie otherwise (the
     * login page and the public register). The page reloads so that every text is rebuilt.
     */
    public void switchTo(Locale locale) {
        UI ui = UI.getCurrent();
        if (currentUser.find().isPresent()) {
            Preferences mine = preferences.mine();
            preferences.choose(locale.getLanguage(), mine.timeZone());
        }
        VaadinResponse response = VaadinService.getCurrentResponse();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge(60 * 60 * 24 * 365);
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
        ui.getSession().setLocale(locale);
        ui.getPage().reload();
    }

    /** Sets the signed-in person's time zone for this session and every later one. */
    public void chooseZone(String zoneId) {
        Preferences mine = preferences.mine();
        preferences.choose(mine.language() == null ? Translations.locale().getLanguage() : mine.language(), zoneId);
        UserZone.set(UI.getCurrent().getSession(), zoneId);
        UI.getCurrent().getPage().reload();
    }
}
