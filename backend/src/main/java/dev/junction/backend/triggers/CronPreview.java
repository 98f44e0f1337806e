package dev.junction.backend.triggers;

import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

/**
 * When a schedule fires next: the same Quartz cron expressions, in the same time zone, as the schedule and polling
 * triggers use ({@link ScheduleTriggers}), for the designer to show under the cron field.
 */
public final class CronPreview {

    private CronPreview() {
    }

    /** The next {@code count} fire times after {@code after}, in {@code zone} (null or blank: UTC). */
    public static List<OffsetDateTime> next(String cron, String zone, Instant after, int count) {
        if (cron == null || cron.isBlank()) {
            throw new IllegalArgumentException("cron: is required, a Quartz cron expression (seconds first, such as"
                    + " 0 0 6 * * ?)");
        }
        ZoneId zoneId;
        try {
            zoneId = zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone: '" + zone + "' is not a time zone; use a name such as"
                    + " Europe/London or UTC");
        }
        CronExpression expression;
        try {
            expression = new CronExpression(cron.strip());
        } catch (ParseException e) {
            throw new IllegalArgumentException("cron: '" + cron.strip() + "' is not a Quartz cron expression ("
                    + e.getMessage() + "); six or seven fields, seconds first, such as 0 0 6 * * ?");
        }
        expression.setTimeZone(TimeZone.getTimeZone(zoneId));
        List<OffsetDateTime> times = new ArrayList<>();
        Date next = Date.from(after);
        while (times.size() < count) {
            next = expression.getNextValidTimeAfter(next);
            if (next == null) {
                break;
            }
            times.add(next.toInstant().atZone(zoneId).toOffsetDateTime());
        }
        return times;
    }
}
