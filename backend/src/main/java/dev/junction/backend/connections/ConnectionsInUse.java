package dev.junction.backend.connections;

import dev.junction.db.connections.ConnectionRepository;
import dev.junction.db.connections.StoredConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The connections that connector steps call through, read once and kept for a short while ({@code
 * junction.connections.cache-ttl}, 2 s by default; 0 reads every time), so that a run's connector call costs no
 * database round trip to find its connection. A change written on this node (through {@link ConnectionRepository})
 * is seen by the next call; a change written on another node of a cluster within the time to live. Only the
 * connection's row and which secrets are set are kept: the secrets themselves are read from the vault at each call
 * that needs them, so a rotated secret is used at once on every node.
 */
@Component
public class ConnectionsInUse {

    /** More distinct connections than this in use at once: the cache starts over rather than grow. */
    static final int MAX_ENTRIES = 1_000;

    private record Entry(StoredConnection connection, long changes, long readAt) {
    }

    private final ConnectionRepository connections;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    @Autowired
    ConnectionsInUse(ConnectionRepository connections,
                     @Value("${junction.connections.cache-ttl:2s}") Duration timeToLive) {
        this(connections, timeToLive, System::nanoTime);
    }

    ConnectionsInUse(ConnectionRepository connections, Duration timeToLive, LongSupplier nanoTime) {
        if (timeToLive.isNegative()) {
            throw new IllegalArgumentException("junction.connections.cache-ttl must be 0 or more, was " + timeToLive);
        }
        this.connections = connections;
        this.ttlNanos = timeToLive.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The connection with that id, as stored at most the time to live ago; empty when there is none. */
    public Optional<StoredConnection> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        long changes = connections.changes();
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(id);
        if (entry != null && entry.changes() == changes && now - entry.readAt() < ttlNanos) {
            return Optional.of(entry.connection());
        }
        Optional<StoredConnection> read = connections.find(id);
        if (read.isEmpty()) {
            entries.remove(id);
            return read;
        }
        if (ttlNanos > 0) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(id, new Entry(read.get(), changes, now));
        }
        return read;
    }
}
