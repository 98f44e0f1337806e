package dev.junction.connectors.auth;

import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectorException;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens per connection, kept until shortly before they expire. At most one refresh per connection runs at a
 * time: callers that find the token stale while another refreshes wait for that refresh instead of starting theirs.
 * The key includes the connection's revision, so changing a connection's secret drops its token.
 */
public final class AccessTokens {

    /** How long before expiry a token is refreshed, so that a call in flight does not carry an expiring token. */
    public static final Duration REFRESH_MARGIN = Duration.ofMinutes(2);

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Clock clock;

    public AccessTokens(Clock clock) {
        this.clock = clock;
    }

    public AccessTokens() {
        this(Clock.systemUTC());
    }

    /** Fetches a token; throws the connector failure the token endpoint caused. */
    @FunctionalInterface
    public interface Fetch {
        AccessToken fetch() throws ConnectorException;
    }

    /**
     * The cached token of {@code key}, fetched anew when there is none or it expires within the margin; registered
     * with {@code connection} as a credential it obtained, so that it is masked out of what the call produced.
     */
    public String token(String key, ConnectionAccess connection, Fetch fetch) throws ConnectorException {
        String token = token(key, fetch);
        connection.obtained(token);
        return token;
    }

    /** The cached token of {@code key}, fetched anew when there is none or it expires within the margin. */
    public String token(String key, Fetch fetch) throws ConnectorException {
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        synchronized (slot) {
            if (slot.token == null || !clock.instant().plus(REFRESH_MARGIN).isBefore(slot.token.expiresAt())) {
                slot.token = fetch.fetch();
            }
            return slot.token.value();
        }
    }

    /**
     * Forgets {@code rejected} (the remote API said it expired) so that the next call fetches another; a token some
     * other caller has refreshed meanwhile is kept.
     */
    public void invalidate(String key, String rejected) {
        Slot slot = slots.get(key);
        if (slot != null) {
            synchronized (slot) {
                if (slot.token != null && slot.token.value().equals(rejected)) {
                    slot.token = null;
                }
            }
        }
    }

    private static final class Slot {
        private AccessToken token;
    }
}
