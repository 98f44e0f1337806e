package dev.junction.backend.triggers;

import dev.junction.db.triggers.TriggerStateRepository;
import dev.junction.db.triggers.TriggerStateRepository.WebhookTarget;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The webhook targets (a workflow's token and published version) this node looked up, kept in memory so that a
 * webhook costs no query for them, and forgotten when another transaction changes them — on any node: the database
 * announces every change of a published version, a token or a workflow's existence on the channel
 * {@value #CHANNEL} when the change commits (triggers of migration V43), and a listener on its own connection
 * forgets that workflow's entry.
 *
 * <p>Entries are kept only while the listener is connected: until it listens, after its connection failed, or
 * while it reconnects, every lookup reads the database, and the whole cache is forgotten when it listens again (the
 * announcements of the gap are lost). A lookup that read the database while a change was announced does not keep
 * what it read (an epoch moves on with every announcement), so an entry never outlives the announcement of its
 * change. The listener checks its connection every {@link #CHECK_EVERY}, so a connection that died silently stops
 * the caching within that time. Unknown workflows are not kept (a stream of made-up ids grows nothing).
 */
final class WebhookTargets implements AutoCloseable {

    static final String CHANNEL = "junction_webhook_targets";
    static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    /** The most targets kept; past it the cache starts over. */
    static final int MAX_KEPT = 10_000;
    private static final Logger log = LoggerFactory.getLogger(WebhookTargets.class);

    /** Where the listener connects. */
    record Database(String jdbcUrl, String user, String password) {
    }

    private final TriggerStateRepository state;
    private final Database database;
    private final Map<UUID, WebhookTarget> kept = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    /** Moves on with every announcement and every start or loss of the listener (guarded by {@link #lock}). */
    private long epoch;
    /** Whether the listener listens now (guarded by {@link #lock}). */
    private boolean listening;
    private volatile boolean closed;
    private volatile Connection connection;
    private Thread listener;

    WebhookTargets(TriggerStateRepository state, Database database) {
        this.state = state;
        this.database = database;
    }

    /** Starts listening for changes (until then, and whenever not listening, every lookup reads the database). */
    synchronized void start() {
        if (listener == null && !closed) {
            listener = Thread.ofPlatform().daemon().name("webhook-target-changes").start(this::listen);
        }
    }

    /** The webhook token and published version of a workflow; empty when there is no such workflow. */
    Optional<WebhookTarget> find(UUID workflowId) {
        WebhookTarget known = kept.get(workflowId);
        if (known != null) {
            return Optional.of(known);
        }
        long seen;
        boolean keep;
        synchronized (lock) {
            keep = listening;
            seen = epoch;
        }
        Optional<WebhookTarget> read = state.webhookTarget(workflowId);
        if (!keep) {
            return read;
        }
        read.ifPresent(target -> {
            synchronized (lock) {
                if (listening && epoch == seen) {
                    if (kept.size() >= MAX_KEPT) {
                        kept.clear();
                    }
                    kept.put(workflowId, target);
                }
            }
        });
        return read;
    }

    /** Whether lookups are kept now (the listener listens). */
    boolean listening() {
        synchronized (lock) {
            return listening;
        }
    }

    /** A change of this workflow's target was announced. */
    void changed(UUID workflowId) {
        synchronized (lock) {
            epoch++;
            kept.remove(workflowId);
        }
    }

    private void forgetAll(boolean listeningNow) {
        synchronized (lock) {
            epoch++;
            kept.clear();
            listening = listeningNow;
        }
    }

    private void listen() {
        while (!closed) {
            Properties properties = new Properties();
            properties.setProperty("user", database.user());
            properties.setProperty("password", database.password());
            properties.setProperty("connectTimeout", "10");
            properties.setProperty("socketTimeout", Long.toString(CHECK_EVERY.toSeconds() * 2));
            properties.setProperty("ApplicationName", "junction webhook target changes");
            try (Connection listening = DriverManager.getConnection(database.jdbcUrl(), properties)) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                forgetAll(true);
                PGConnection postgres = listening.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = postgres.getNotifications((int) CHECK_EVERY.toMillis());
                    if (notifications == null || notifications.length == 0) {
                        try (Statement statement = listening.createStatement()) {
                            statement.execute("select 1"); // a connection that died silently fails here
                        }
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        announced(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                forgetAll(false);
                if (!closed) {
                    log.warn("Webhook targets are read from the database for each webhook until the listener for"
                            + " their changes reconnects: {}", e.getMessage());
                    pause();
                }
            } finally {
                connection = null;
            }
        }
        forgetAll(false);
    }

    private void announced(String payload) {
        try {
            changed(UUID.fromString(payload));
        } catch (IllegalArgumentException e) {
            forgetAll(true);
        }
    }

    /** How long the listener waits before it connects again after its connection failed. */
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);

    private void pause() {
        try {
            Thread.sleep(RECONNECT_AFTER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        forgetAll(false);
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        Thread running;
        synchronized (this) {
            running = listener;
        }
        if (running != null) {
            running.interrupt();
        }
    }
}
