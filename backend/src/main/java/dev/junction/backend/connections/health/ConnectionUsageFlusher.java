package dev.junction.backend.connections.health;

import dev.junction.backend.database.DatabaseOutage;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes this node's connector call tallies ({@link ConnectionUsage}) to {@code connection_health} and
 * {@code connection_usage_hours} every {@code interval}, and once more when the node stops. Tallies a flush cannot
 * write (the database is away) are kept for the next one; a node killed hard loses at most one interval of them.
 */
public class ConnectionUsageFlusher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConnectionUsageFlusher.class);

    private final ConnectionUsage usage;
    private final DSLContext db;
    private final Duration interval;
    /** One flush at a time: a caller of {@link #flushNow} returns only after a flush under way has committed. */
    private final Object flushing = new Object();
    private ScheduledExecutorService executor;

    public ConnectionUsageFlusher(ConnectionUsage usage, DSLContext db, Duration interval) {
        this.usage = usage;
        this.db = db;
        this.interval = interval;
    }

    /**
     * Writes what was gathered until now (tests call it before reading health). Waits for a flush under way on the
     * scheduler's thread: it may have drained tallies this caller expects to read once this returns.
     */
    public void flushNow() {
        synchronized (flushing) {
            write(usage.drain());
        }
    }

    private void write(List<ConnectionUsage.Tally> tallies) {
        if (tallies.isEmpty()) {
            return;
        }
        try {
            db.transaction(configuration -> {
                DSLContext tx = configuration.dsl();
                Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
                for (ConnectionUsage.Tally tally : tallies) {
                    tx.execute("""
                            insert into connection_health (connection_id, last_success_at, last_failure_at,
                                last_failure_class, last_failure_message, last_throttled_at, updated_at)
                            values (?, ?::timestamptz, ?::timestamptz, ?, ?, ?::timestamptz, now())
                            on conflict (connection_id) do update set
                                last_success_at = greatest(connection_health.last_success_at, excluded.last_success_at),
                                last_failure_class = case when excluded.last_failure_at is not null and
                                    (connection_health.last_failure_at is null
                                     or excluded.last_failure_at > connection_health.last_failure_at)
                                    then excluded.last_failure_class else connection_health.last_failure_class end,
                                last_failure_message = case when excluded.last_failure_at is not null and
                                    (connection_health.last_failure_at is null
                                     or excluded.last_failure_at > connection_health.last_failure_at)
                                    then excluded.last_failure_message else connection_health.last_failure_message end,
                                last_failure_at = greatest(connection_health.last_failure_at, excluded.last_failure_at),
                                last_throttled_at = greatest(connection_health.last_throttled_at,
                                                             excluded.last_throttled_at),
                                updated_at = now()""",
                            tally.connectionId(), utc(tally.lastSuccessAt()), utc(tally.lastFailureAt()),
                            tally.lastFailureClass(), tally.lastFailureMessage(), utc(tally.lastThrottledAt()));
                    tx.execute("""
                            insert into connection_usage_hours (connection_id, hour, calls, failures, limiter_waits,
                                                                remote_throttles)
                            values (?, ?::timestamptz, ?, ?, ?, ?)
                            on conflict (connection_id, hour) do update set
                                calls = connection_usage_hours.calls + excluded.calls,
                                failures = connection_usage_hours.failures + excluded.failures,
                                limiter_waits = connection_usage_hours.limiter_waits + excluded.limiter_waits,
                                remote_throttles = connection_usage_hours.remote_throttles
                                                   + excluded.remote_throttles""",
                            tally.connectionId(), utc(hour), tally.calls(), tally.failures(), tally.limiterWaits(),
                            tally.remoteThrottles());
                }
            });
        } catch (RuntimeException e) {
            usage.restore(tallies);
            throw e;
        }
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private void flushQuietly() {
        try {
            flushNow();
        } catch (RuntimeException e) {
            DatabaseOutage.log(log, "Connection usage not written", e);
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("connection-usage")
                .daemon().factory());
        executor.scheduleWithFixedDelay(this::flushQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
            flushQuietly();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Stops after the run workers (a higher phase stops earlier), so that their last calls are written. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
