package dev.junction.backend.tokens;

/**
 * A new token: {@code name} (1–80 characters, unique among the user's tokens in force) and at most one of
 * {@code expiresAt} (ISO 8601 date-time with offset, in the future, at most 365 days ahead) and
 * {@code expiresInDays} (1–365). With neither, the token does not expire.
 */
public record ApiTokenRequest(String name, String expiresAt, Integer expiresInDays) {
}
