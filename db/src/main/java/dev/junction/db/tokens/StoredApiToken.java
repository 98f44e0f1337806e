package dev.junction.db.tokens;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A personal API token as stored: who owns it, its name and recognisable prefix, and its times. The token itself is
 * not stored (only its hash, which this record leaves out as well).
 */
public record StoredApiToken(UUID id, UUID userId, String username, String name, String prefix,
                             OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime lastUsedAt,
                             OffsetDateTime revokedAt) {
}
