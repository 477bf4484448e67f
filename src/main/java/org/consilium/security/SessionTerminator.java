package org.consilium.security;

import org.consilium.member.PersonAccessChanged;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends the open sessions of a person whose access changed, once that change is committed: their next
 * request finds the session expired and goes to the sign-in page.
 */
@Component
class SessionTerminator {

    private final SessionRegistry sessions;

    SessionTerminator(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener
    void on(PersonAccessChanged changed) {
        sessions.getAllPrincipals().stream()
                .filter(p -> p instanceof ConsiliumUser user && user.getUsername().equals(changed.username()))
                .flatMap(p -> sessions.getAllSessions(p, false).stream())
                .forEach(session -> session.expireNow());
    }
}
