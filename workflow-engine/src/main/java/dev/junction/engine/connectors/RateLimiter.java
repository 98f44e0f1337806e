package dev.junction.engine.connectors;

/**
 * The port through which a connector takes a token of a remote quota before each HTTP call it makes, its own
 * look-ups included (a read before a create, a read after an unknown outcome, a retry with a fresh access token):
 * every call the remote API counts is counted here first, against the bucket of the operation it calls.
 */
@FunctionalInterface
public interface RateLimiter {

    /** A limiter that never waits (connections without quotas, and tests of a connector alone). */
    RateLimiter UNLIMITED = operation -> {
    };

    /**
     * Takes a token of {@code operation}'s bucket, waiting briefly in-process when one is due soon. When the wait
     * would be long it throws {@link ConnectorException#throttled}: the step is then run again when a token is
     * there, which is no failed attempt.
     */
    void acquire(String operation) throws ConnectorException;
}
