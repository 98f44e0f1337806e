package dev.junction.backend.tokens;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The answer to creating a token: the only time the token itself is shown. */
public record CreatedApiToken(UUID id, String name, String token, String prefix, OffsetDateTime expiresAt) {

    /** Leaves the token out, so that a log line of this record does not carry it. */
    @Override
    public String toString() {
        return "CreatedApiToken[id=" + id + ", name=" + name + ", prefix=" + prefix + ", expiresAt=" + expiresAt + "]";
    }
}
