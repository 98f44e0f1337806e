package dev.junction.ui.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way the UI shows a point in time: "6 Dec 2026 17:20:37", in the time zone of the machine Junction runs
 * on (the views have always shown times there; {@link #zone()} names it where a view says so).
 */
public final class Times {

    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.UK)
            .withZone(ZONE);

    private Times() {
    }

    /** "6 Dec 2026 17:20:37", or "" when there is no time. */
    public static String when(OffsetDateTime time) {
        return time == null ? "" : WHEN.format(time);
    }

    /** "6 Dec 2026 17:20:37", or {@code none} when there is no time. */
    public static String when(OffsetDateTime time, String none) {
        return time == null ? none : WHEN.format(time);
    }

    public static String when(Instant time) {
        return time == null ? "" : WHEN.format(time);
    }

    /** The zone the times are shown in. */
    public static ZoneId zone() {
        return ZONE;
    }
}
