package org.consilium.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the portal writes dates and times: in the user's language and time zone, the zone always named. */
public final class Formats {

    private Formats() {
    }

    public static String dateTime(Instant instant) {
        return dateTime(instant, Translations.locale(), UserZone.current());
    }

    public static String dateTime(Instant instant, Locale locale, ZoneId zone) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", locale).withZone(zone)
                .format(instant);
    }

    public static String date(LocalDate date) {
        return date(date, Translations.locale());
    }

    public static String date(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(date);
    }

    /** The calendar day an instant falls on for the user. */
    public static String date(Instant instant) {
        return instant == null ? "" : date(LocalDate.ofInstant(instant, UserZone.current()));
    }

    public static String fileSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
