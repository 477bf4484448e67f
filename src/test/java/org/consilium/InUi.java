package org.consilium;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;

/**
 * Builds Vaadin components outside a browser request, as the portal would for one: in a UI of the running
 * Vaadin servlet (so translations, links and downloads work), in a given language. Needs a started web server
 * ({@code webEnvironment = RANDOM_PORT}); whoever is signed in on the thread stays signed in.
 */
public final class InUi {

    private InUi() {
    }

    public static <T> T build(ApplicationContext context, Locale language, Supplier<T> screen) {
        VaadinService service = vaadinService(context);
        VaadinService.setCurrent(service);
        VaadinSession session = new LockedSession(service);
        VaadinSession.setCurrent(session);
        session.setLocale(language);
        UI ui = new UI();
        ui.getInternals().setSession(session);
        ui.setLocale(language);
        UI.setCurrent(ui);
        try {
            return screen.get();
        } finally {
            CurrentInstance.clearAll();
        }
    }

    public static VaadinService vaadinService(ApplicationContext context) {
        return context.getBeansOfType(ServletRegistrationBean.class).values().stream()
                .map(ServletRegistrationBean::getServlet).filter(VaadinServlet.class::isInstance)
                .map(servlet -> ((VaadinServlet) servlet).getService()).filter(Objects::nonNull)
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "The Vaadin servlet has not started: the test needs webEnvironment = RANDOM_PORT"));
    }

    /** A session that is always locked by the test's thread, as the UI's own request thread would hold it. */
    static final class LockedSession extends VaadinSession {

        LockedSession(VaadinService service) {
            super(service);
        }

        @Override
        public boolean hasLock() {
            return true;
        }

        @Override
        public void lock() {
        }

        @Override
        public void unlock() {
        }
    }
}
