package dev.junction.backend.runs;

import dev.junction.backend.api.InvalidInputException;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.OffsetDateTime;

/**
 * Bulk replays ({@code junction.replays.*}): how many replays a second a bulk replay starts at most when its request
 * names no rate ({@code rate-per-second}, default 10), and the highest rate a request may ask for
 * ({@code max-rate-per-second}, default 1000). The rate is kept by the replays' due times, on the server.
 */
@ConfigurationProperties("junction.replays")
public record ReplaySettings(Integer ratePerSecond, Integer maxRatePerSecond) {

    public static final int DEFAULT_RATE = 10;
    public static final int DEFAULT_MAX_RATE = 1_000;

    public ReplaySettings {
        maxRatePerSecond = maxRatePerSecond == null ? DEFAULT_MAX_RATE : maxRatePerSecond;
        ratePerSecond = ratePerSecond == null ? DEFAULT_RATE : ratePerSecond;
        if (maxRatePerSecond < 1) {
            throw new IllegalArgumentException("junction.replays.max-rate-per-second must be at least 1, was "
                    + maxRatePerSecond);
        }
        if (ratePerSecond < 1 || ratePerSecond > maxRatePerSecond) {
            throw new IllegalArgumentException("junction.replays.rate-per-second must be from 1 to "
                    + maxRatePerSecond + ", was " + ratePerSecond);
        }
    }

    /** The rate a bulk replay keeps: {@code requested}, checked, or the setting when null. */
    public int rate(Integer requested) {
        if (requested == null) {
            return ratePerSecond;
        }
        if (requested < 1 || requested > maxRatePerSecond) {
            throw new InvalidInputException("ratePerSecond", "must be from 1 to " + maxRatePerSecond + " replays a"
                    + " second, was " + requested);
        }
        return requested;
    }

    /** When the {@code index}-th replay (from 0) of a bulk replay started at {@code start} is due. */
    public static OffsetDateTime dueAt(OffsetDateTime start, int index, int ratePerSecond) {
        return start.plusNanos(index * 1_000_000_000L / ratePerSecond);
    }
}
