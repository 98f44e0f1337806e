package dev.junction.backend.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Gauges of what waits, read from the database at most every {@link #FRESHNESS} (a scrape in between answers the
 * cached figure): {@code junction_queue_depth} (step tasks due now and not leased) and {@code junction_dlq_size}
 * (dead-lettered runs; an index count).
 */
@Component
class QueueGauges {

    static final Duration FRESHNESS = Duration.ofSeconds(10);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(QueueGauges.class);

    // held here: a gauge keeps only a weak reference to what it reads
    private final Cached queueDepth;
    private final Cached deadLetters;

    QueueGauges(MeterRegistry meters, DSLContext db) {
        queueDepth = new Cached(() -> count(db, """
                select count(*) from step_tasks
                where due_at <= now() and (lease_until is null or lease_until < now())"""));
        deadLetters = new Cached(() -> count(db, "select count(*) from runs where status = 'dead_lettered'"));
        Gauge.builder("junction.queue.depth", queueDepth, Cached::value)
                .description("Step tasks due and waiting for a worker").register(meters);
        Gauge.builder("junction.dlq.size", deadLetters, Cached::value)
                .description("Dead-lettered runs").register(meters);
    }

    private static double count(DSLContext db, String sql) {
        return ((Number) db.fetchValue(sql)).doubleValue();
    }

    /** A figure read again only when the last reading is older than {@link #FRESHNESS}; NaN when unreadable. */
    static final class Cached {

        private final Supplier<Double> read;
        private double value = Double.NaN;
        private long readAt = Long.MIN_VALUE;

        Cached(Supplier<Double> read) {
            this.read = read;
        }

        synchronized double value() {
            long now = System.nanoTime();
            if (readAt == Long.MIN_VALUE || now - readAt > FRESHNESS.toNanos()) {
                try {
                    value = read.get();
                } catch (RuntimeException e) {
                    log.debug("A queue gauge could not be read", e);
                    value = Double.NaN;
                }
                readAt = now;
            }
            return value;
        }
    }
}
