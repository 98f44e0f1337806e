package dev.junction.db.users;

import java.time.OffsetDateTime;

/**
 * The failed sign-ins counted for one user name tried: how many since {@code windowStart}, and until when the name
 * is locked ({@code null} when it is not).
 */
public record LoginFailures(String username, int failures, OffsetDateTime windowStart, OffsetDateTime lockedUntil) {
}
