package dev.junction.db.users;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A user as an administrator sees one: no password hash; the last sign-in ({@code null} before the first), and
 * the end of a sign-in lock ({@code null} when none was set; it may lie in the past); the e-mail address
 * ({@code null}: none).
 */
public record UserSummary(String username, String displayName, Set<Role> roles, boolean enabled,
                          OffsetDateTime createdAt, OffsetDateTime lastLoginAt, OffsetDateTime lockedUntil,
                          String email) {

    public UserSummary {
        roles = Set.copyOf(roles);
    }
}
