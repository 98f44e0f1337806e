package dev.junction.backend.tokens;

import dev.junction.db.tokens.StoredApiToken;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A token as lists show it: never the token or its hash, only its name, owner, prefix and times; {@code state} is
 * {@code active}, {@code expired} or {@code revoked}.
 */
public record ApiTokenView(UUID id, String owner, String name, String prefix, OffsetDateTime createdAt,
                           OffsetDateTime expiresAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt,
                           String state) {

    static ApiTokenView of(StoredApiToken token, Instant now) {
        String state = token.revokedAt() != null ? "revoked"
                : token.expiresAt() != null && !token.expiresAt().toInstant().isAfter(now) ? "expired" : "active";
        return new ApiTokenView(token.id(), token.username(), token.name(), token.prefix(), token.createdAt(),
                token.expiresAt(), token.lastUsedAt(), token.revokedAt(), state);
    }
}
