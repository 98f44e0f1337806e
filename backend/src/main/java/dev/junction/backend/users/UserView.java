package dev.junction.backend.users;

import dev.junction.db.users.Role;
import dev.junction.db.users.UserSummary;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A user as the Users view and {@code /api/v1/users} show one (never a password or its hash). {@code lastLoginAt}
 * is null before the first sign-in; {@code lockedUntil} is set only while failed sign-ins lock the account;
 * {@code email} is null when the user has no e-mail address (Junction then e-mails them nothing).
 */
public record UserView(String username, String displayName, List<Role> roles, boolean enabled,
                       OffsetDateTime createdAt, OffsetDateTime lastLoginAt, OffsetDateTime lockedUntil,
                       String email) {

    static UserView of(UserSummary user, OffsetDateTime now) {
        OffsetDateTime locked = user.lockedUntil() != null && user.lockedUntil().isAfter(now) ? user.lockedUntil()
                : null;
        return new UserView(user.username(), user.displayName(), user.roles().stream().sorted().toList(),
                user.enabled(), user.createdAt(), user.lastLoginAt(), locked, user.email());
    }
}
