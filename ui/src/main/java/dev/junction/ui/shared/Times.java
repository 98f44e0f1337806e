package dev.junction.ui.shared;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way the UI shows a point in time: in the locale of the person looking (their browser's language, which
 * {@link BrowserLocale} gives each UI: en-GB reads "7 Dec 2026, 14:03:37", en-US "Dec 7, 2026, 2:03:37 PM") and in
 * their browser's time zone. Outside a UI (a download written on another thread) it falls back to British English
 * and the time zone of the machine Junction runs on. {@link #zone()} is the zone date-time fields convert with, so a
 * picked time and a shown time agree.
 */
public final class Times {

    /** Used where no browser says otherwise. */
    static final Locale FALLBACK_LOCALE = Locale.UK;
    private static final ZoneId SERVER_ZONE = ZoneId.systemDefault();
    private static final Map<Locale, DateTimeFormatter> WHEN = new ConcurrentHashMap<>();

    private Times() {
    }

    /** The time with seconds in the user's locale and zone ("7 Dec 2026, 14:03:37" for en-GB), or "" when there is none. */
    public static String when(OffsetDateTime time) {
        return time == null ? "" : when(time.toInstant());
    }

    /** As {@link #when(OffsetDateTime)}, or {@code none} when there is no time. */
    public static String when(OffsetDateTime time, String none) {
        return time == null ? none : when(time.toInstant());
    }

    public static String when(Instant time) {
        return time == null ? "" : when(time, locale(), zone());
    }

    /** {@code time} as a person with {@code locale} in {@code zone} reads it: the locale's medium date and time. */
    public static String when(Instant time, Locale locale, ZoneId zone) {
        return WHEN.computeIfAbsent(locale, one -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(one)).withZone(zone).format(time);
    }

    /** The locale times are shown in: the current UI's (its browser's language), else British English. */
    public static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null || ui.getLocale() == null ? FALLBACK_LOCALE : ui.getLocale();
    }

    /** The zone times are shown in: the current UI's browser's, else the server's. */
    public static ZoneId zone() {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return SERVER_ZONE;
        }
        ExtendedClientDetails details = ui.getPage().getExtendedClientDetails();
        return zoneNamed(details == null ? null : details.getTimeZoneId());
    }

    /** The zone a browser named ({@code Europe/London}), else the server's. */
    static ZoneId zoneNamed(String id) {
        if (id == null || id.isBlank()) {
            return SERVER_ZONE;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return SERVER_ZONE;
        }
    }
}
