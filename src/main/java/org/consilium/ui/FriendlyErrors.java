package org.consilium.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The last net under every UI action: logs the failure and shows the user a message instead of a stack
 * trace, in the UI's language. What they typed stays in the form, because nothing is navigated away.
 */
@Component
class FriendlyErrors implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(FriendlyErrors.class);

    private final Translations translations;

    FriendlyErrors(Translations translations) {
        this.translations = translations;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            UI ui = UI.getCurrent();
            String message = messageFor(error.getThrowable(), ui == null ? Translations.ENGLISH : ui.getLocale());
            if (ui != null) {
                ui.access(() -> Problems.show(message));
            }
        }));
    }

    /** What the user is told about a failure; logs what they are not told. */
    String messageFor(Throwable failure, Locale locale) {
        Throwable cause = rootOf(failure);
        if (cause instanceof AccessDeniedException denied) {
            return denied.getMessage();
        }
        if (hasCause(failure, DataAccessException.class) || hasCause(failure, TransactionException.class)
                || hasCause(failure, java.sql.SQLException.class)) {
            log.error("Database failure in the UI", failure);
            return translations.getTranslation("error.database", locale);
        }
        log.error("Unexpected failure in the UI", failure);
        return translations.getTranslation("error.unexpected", locale);
    }

    private static Throwable rootOf(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof AccessDeniedException)) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
