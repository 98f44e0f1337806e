package dev.junction.backend.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The throttle per client address ({@code junction.security.address-lockout.*}): {@code maxFailures} failed
 * sign-ins (any user names) from one address within {@code window} of the first refuse every further sign-in from
 * that address for {@code duration}.
 */
@ConfigurationProperties("junction.security.address-lockout")
public record AddressLockoutSettings(int maxFailures, Duration window, Duration duration) {

    public AddressLockoutSettings {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("junction.security.address-lockout.max-failures must be at least 1,"
                    + " was " + maxFailures);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("junction.security.address-lockout.window must be a positive duration");
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("junction.security.address-lockout.duration must be a positive"
                    + " duration");
        }
    }
}
