package dev.junction.backend.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The temporary lockout ({@code junction.security.lockout.*}): {@code maxFailures} failed sign-ins for one user
 * name within {@code window} of the first lock that name for {@code duration}.
 */
@ConfigurationProperties("junction.security.lockout")
public record LockoutSettings(int maxFailures, Duration window, Duration duration) {

    public LockoutSettings {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("junction.security.lockout.max-failures must be at least 1, was "
                    + maxFailures);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("junction.security.lockout.window must be a positive duration");
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("junction.security.lockout.duration must be a positive duration");
        }
    }
}
