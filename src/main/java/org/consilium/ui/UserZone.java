package org.consilium.ui;

import com.vaadin.flow.server.VaadinSession;
import java.time.DateTimeException;
import java.time.ZoneId;

/** The time zone dates are shown in: the person's choice, else the browser's, else UTC. Kept in the session. */
public final class UserZone {

    public static final ZoneId UTC = ZoneId.of("UTC");
    static final String ATTRIBUTE = UserZone.class.getName();

    private UserZone() {
    }

    public static ZoneId current() {
        VaadinSession session = VaadinSession.getCurrent();
        Object zone = session == null ? null : session.getAttribute(ATTRIBUTE);
        return zone instanceof ZoneId id ? id : UTC;
    }

    static void set(VaadinSession session, String zoneId) {
        ZoneId zone = parse(zoneId);
        if (zone != null) {
            session.setAttribute(ATTRIBUTE, zone);
        }
    }

    static ZoneId parse(String zoneId) {
        if (zoneId == null || zoneId.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(zoneId);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
