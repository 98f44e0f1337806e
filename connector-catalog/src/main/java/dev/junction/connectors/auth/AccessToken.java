package dev.junction.connectors.auth;

import java.time.Instant;

/** A short-lived access token (LWA, Microsoft identity platform, OAuth 2.0) and when it stops working. */
public record AccessToken(String value, Instant expiresAt) {

    @Override
    public String toString() {
        return "AccessToken[****, expiresAt=" + expiresAt + "]";
    }
}
