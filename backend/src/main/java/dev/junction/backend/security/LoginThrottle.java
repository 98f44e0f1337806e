package dev.junction.backend.security;

import dev.junction.db.users.LoginFailureRepository;
import dev.junction.db.users.LoginFailures;
import dev.junction.db.users.UserRepository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Counts failed sign-ins per user name tried and locks a name for a while after too many. Names that belong to no
 * user are counted and locked alike, so that no answer tells which names exist.
 */
@Component
public class LoginThrottle {

    /** Longest name kept; longer ones (no user has one) are cut. */
    static final int MAX_NAME_LENGTH = 200;

    private final LoginFailureRepository failures;
    private final LockoutSettings settings;
    private final Clock clock;

    LoginThrottle(LoginFailureRepository failures, LockoutSettings settings, Clock clock) {
        this.failures = failures;
        this.settings = settings;
        this.clock = clock;
    }

    /** The end of the lock on {@code username}, when it is locked now. */
    public Optional<OffsetDateTime> lockedUntil(String username) {
        String name = key(username);
        OffsetDateTime now = now();
        return name.isEmpty() ? Optional.empty() : failures.lockedUntil(name).filter(until -> until.isAfter(now));
    }

    /**
     * Counts a failed sign-in (a wrong password or unknown name) from {@code source}; answers the end of the lock
     * when this failure locked the name. Needs a transaction.
     */
    Optional<OffsetDateTime> failed(String username, String source) {
        String name = key(username);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        LoginFailures counter = failures.lockCounter(name, now, source);
        if (counter.lockedUntil() != null && counter.lockedUntil().isAfter(now)) {
            return Optional.empty(); // already locked: attempts while locked do not prolong the lock
        }
        boolean restart = counter.failures() == 0 || counter.lockedUntil() != null
                || !counter.windowStart().isAfter(now.minus(settings.window()));
        int count = restart ? 1 : counter.failures() + 1;
        OffsetDateTime lockedUntil = count >= settings.maxFailures() ? now.plus(settings.duration()) : null;
        failures.save(new LoginFailures(name, count, restart ? now : counter.windowStart(), lockedUntil), now, source);
        return Optional.ofNullable(lockedUntil);
    }

    /** Forgets the failures of {@code username} (a successful sign-in, a password reset); answers whether any. */
    public boolean clear(String username) {
        String name = key(username);
        return !name.isEmpty() && failures.clear(name);
    }

    /** The name as counted: as a user name is stored, cut to a bounded length. */
    static String key(String username) {
        String name = username == null ? "" : UserRepository.normalize(username);
        return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
