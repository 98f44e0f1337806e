package dev.junction.engine.connectors;

import java.util.Optional;

/**
 * The narrow view a connector has of one connection while it calls: its plain settings and, on demand, one secret
 * decrypted for this call only. A connector must not keep a secret beyond the call that asked for it (a token it
 * obtained with one is fine), nor put one into an answer, a log line or an error message.
 */
public interface ConnectionAccess {

    /** The connection's id: the key of per-connection state such as token caches and rate limits. */
    String id();

    Environment environment();

    /** A plain setting, empty when not set (blank counts as not set). */
    Optional<String> setting(String name);

    /** A secret setting in clear text, for this call only; empty when not set. */
    Optional<String> secret(String name);

    /**
     * Registers a credential the connector obtained with this connection's secrets (an OAuth or LWA access token),
     * so that it is masked, like the secrets themselves, out of everything the call produced.
     */
    default void obtained(String credential) {
    }

    /**
     * The limiter of this connection's remote quotas: a connector takes a token through it before every HTTP call
     * it makes (see {@link RateLimiter}).
     */
    default RateLimiter rateLimiter() {
        return RateLimiter.UNLIMITED;
    }

    /** A version that changes whenever a setting or secret changes, so that caches keyed by it go stale. */
    default String revision() {
        return "";
    }

    /** A setting the connector cannot work without: a permanent failure naming it when it is missing. */
    default String requiredSetting(String name) throws ConnectorException {
        return setting(name).orElseThrow(() -> ConnectorException.permanentFailure("MissingSetting",
                "the connection has no '" + name + "' setting", null, null));
    }

    /** A secret the connector cannot work without: a permanent failure naming the field (never its value). */
    default String requiredSecret(String name) throws ConnectorException {
        return secret(name).orElseThrow(() -> ConnectorException.permanentFailure("MissingSecret",
                "the connection's secret '" + name + "' is not set", null, null));
    }

    enum Environment { SANDBOX, PRODUCTION }
}
