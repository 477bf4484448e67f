package org.consilium.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The last net under every UI action: logs the failure and shows the user a message instead of a stack
 * trace. What they typed stays in the form, because nothing is navigated away.
 */
@Component
class FriendlyErrors implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(FriendlyErrors.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            String message = messageFor(error.getThrowable());
            if (UI.getCurrent() != null) {
                UI.getCurrent().access(() -> Problems.show(message));
            }
        }));
    }

    /** What the user is told about a failure; logs what they are not told. */
    static String messageFor(Throwable failure) {
        Throwable cause = rootOf(failure);
        if (cause instanceof AccessDeniedException denied) {
            return denied.getMessage();
        }
        if (hasCause(failure, DataAccessException.class) || hasCause(failure, TransactionException.class)
                || hasCause(failure, java.sql.SQLException.class)) {
            log.error("Database failure in the UI", failure);
            return "The database cannot be reached just now. Nothing was lost on this page: try again in a moment.";
        }
        log.error("Unexpected failure in the UI", failure);
        return "Something went wrong on our side and was logged. Your input is still on the page; please try again.";
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
