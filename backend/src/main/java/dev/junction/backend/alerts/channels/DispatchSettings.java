package dev.junction.backend.alerts.channels;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How the outbox is delivered ({@code junction.alerts.dispatch.*}): whether this node dispatches ({@code enabled}),
 * how often it looks for due notifications ({@code interval}, 1 s), how many it claims at once ({@code batch-size},
 * 10), how long a claim holds before another node may send the row again ({@code lease}, 2 min: longer than any
 * send's timeouts), attempts before a notification is given up ({@code max-attempts}, 8), and the backoff between
 * attempts: {@code retry-base} × 2^(attempt − 1), ±20 % jitter, at most {@code retry-max} (30 s and 1 h) — a
 * server's {@code Retry-After} replaces it (up to {@code retry-max}).
 */
@ConfigurationProperties("junction.alerts.dispatch")
public record DispatchSettings(Boolean enabled, Duration interval, Integer batchSize, Duration lease,
                               Integer maxAttempts, Duration retryBase, Duration retryMax) {

    public DispatchSettings {
        enabled = enabled == null || enabled;
        interval = positive(interval, Duration.ofSeconds(1), "interval");
        batchSize = batchSize == null ? 10 : batchSize;
        lease = positive(lease, Duration.ofMinutes(2), "lease");
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        retryBase = positive(retryBase, Duration.ofSeconds(30), "retry-base");
        retryMax = positive(retryMax, Duration.ofHours(1), "retry-max");
        if (batchSize < 1 || batchSize > 1_000) {
            throw new IllegalArgumentException("junction.alerts.dispatch.batch-size must be from 1 to 1000, was "
                    + batchSize);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("junction.alerts.dispatch.max-attempts must be 1 or more, was "
                    + maxAttempts);
        }
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("junction.alerts.dispatch." + name + " must be positive, was " + value);
        }
        return value;
    }
}
