package dev.junction.backend.connections.health;

import dev.junction.backend.connections.RateLimitsInForce;
import dev.junction.db.connections.ConnectionRepository;
import dev.junction.db.connections.StoredConnection;
import dev.junction.engine.connectors.OperationDescriptor.RateLimit;
import dev.junction.engine.runs.ErrorCategory;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The health of every connection, from the call tallies the nodes write ({@link ConnectionUsageFlusher}: up to one
 * flush interval behind) and the rate-limit token buckets ({@code rate_limit_buckets}, read as they are now).
 */
@Service
public class ConnectionHealthService {

    /** How recent a rate-limit hit makes a connection "throttled". */
    static final int THROTTLED_MINUTES = 5;

    private final DSLContext db;
    private final ConnectionRepository connections;
    private final RateLimitsInForce limits;
    private final Clock clock;

    ConnectionHealthService(DSLContext db, ConnectionRepository connections, RateLimitsInForce limits, Clock clock) {
        this.db = db;
        this.connections = connections;
        this.limits = limits;
        this.clock = clock;
    }

    /** One record per connection, by name. */
    @PreAuthorize("isAuthenticated()")
    public List<ConnectionHealth> health() {
        return healthNow();
    }

    /** How many connections are degraded (throttled, failing or failing to authenticate). */
    @PreAuthorize("isAuthenticated()")
    public long degradedCount() {
        return healthNow().stream().filter(ConnectionHealth::degraded).count();
    }

    /** {@link #health()} without the caller check (for the dashboard's own section and background readers). */
    public List<ConnectionHealth> healthNow() {
        Instant now = clock.instant();
        Map<String, Record> outcomes = new HashMap<>();
        db.fetch("select * from connection_health").forEach(row -> outcomes.put(row.get("connection_id",
                String.class), row));
        Map<String, Long> hits = new HashMap<>();
        db.fetch("""
                        select connection_id, sum(limiter_waits + remote_throttles) as hits from connection_usage_hours
                        where hour >= ?::timestamptz group by connection_id""",
                now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC))
                .forEach(row -> hits.put(row.get("connection_id", String.class), row.get("hits", Long.class)));
        Map<String, List<Record>> buckets = new HashMap<>();
        db.fetch("select connection_id, operation, tokens, updated_at from rate_limit_buckets").forEach(row ->
                buckets.computeIfAbsent(row.get("connection_id", String.class), id -> new ArrayList<>()).add(row));
        List<ConnectionHealth> health = new ArrayList<>();
        for (StoredConnection connection : connections.all()) {
            health.add(of(connection, Optional.ofNullable(outcomes.get(connection.id())),
                    hits.getOrDefault(connection.id(), 0L), buckets.getOrDefault(connection.id(), List.of()), now));
        }
        health.sort(java.util.Comparator.comparing(ConnectionHealth::name, String.CASE_INSENSITIVE_ORDER));
        return health;
    }

    /**
     * Rate-limit hits (limiter waits + remote 429s) per connection in [{@code from}, {@code to}), cut into
     * {@code buckets} buckets of {@code bucketSeconds}; only connections with hits, by id.
     */
    public Map<String, long[]> rateLimitHits(Instant from, Instant to, long bucketSeconds, int buckets) {
        Map<String, long[]> series = new LinkedHashMap<>();
        db.fetch("""
                        select connection_id, hour, limiter_waits + remote_throttles as hits
                        from connection_usage_hours where hour >= ?::timestamptz and hour < ?::timestamptz
                        and limiter_waits + remote_throttles > 0 order by connection_id, hour""",
                from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)).forEach(row -> {
            long index = Duration.between(from, row.get("hour", OffsetDateTime.class).toInstant()).toSeconds()
                    / bucketSeconds;
            if (index >= 0 && index < buckets) {
                series.computeIfAbsent(row.get("connection_id", String.class), id -> new long[buckets])[(int) index]
                        += row.get("hits", Long.class);
            }
        });
        return series;
    }

    private ConnectionHealth of(StoredConnection connection, Optional<Record> outcome, long hits,
                                List<Record> bucketRows, Instant now) {
        Instant lastSuccess = outcome.map(row -> instant(row, "last_success_at")).orElse(null);
        Instant lastFailure = outcome.map(row -> instant(row, "last_failure_at")).orElse(null);
        Instant lastThrottled = outcome.map(row -> instant(row, "last_throttled_at")).orElse(null);
        String failureClass = outcome.map(row -> row.get("last_failure_class", String.class)).orElse(null);
        ErrorCategory category = ErrorCategory.of(failureClass);
        boolean lastCallFailed = lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess));
        boolean throttled = lastThrottled != null
                && lastThrottled.isAfter(now.minus(Duration.ofMinutes(THROTTLED_MINUTES)));
        String state = outcome.isEmpty() || (lastSuccess == null && lastFailure == null && lastThrottled == null)
                ? "unknown" : throttled ? "throttled" : lastCallFailed ? "failing" : "ok";
        String authState = lastCallFailed && category == ErrorCategory.AUTH ? "failing"
                : lastSuccess != null ? "ok" : "unknown";
        List<ConnectionHealth.Budget> budgets = new ArrayList<>();
        for (Record bucket : bucketRows) {
            String operation = bucket.get("operation", String.class);
            Optional<RateLimit> limit = limits.of(connection, operation);
            if (limit.isEmpty()) {
                continue;
            }
            double elapsed = Math.max(0, Duration.between(instant(bucket, "updated_at"), now).toMillis() / 1000.0);
            double available = Math.min(limit.get().burst(), bucket.get("tokens", Double.class)
                    + elapsed * limit.get().perSecond());
            double used = Math.max(0, Math.min(1, 1 - available / limit.get().burst()));
            budgets.add(new ConnectionHealth.Budget(operation, Math.round(used * 1000) / 1000.0,
                    limit.get().perSecond(), limit.get().burst()));
        }
        budgets.sort(java.util.Comparator.comparing(ConnectionHealth.Budget::operation));
        Double budgetUsed = budgets.stream().map(ConnectionHealth.Budget::used).max(Double::compare).orElse(null);
        boolean degraded = state.equals("throttled") || state.equals("failing") || authState.equals("failing");
        return new ConnectionHealth(connection.id(), connection.name(), connection.connectorId(), state, authState,
                lastSuccess, lastFailure, failureClass, category == null ? null : category.jsonName(),
                outcome.map(row -> row.get("last_failure_message", String.class)).orElse(null), budgetUsed,
                List.copyOf(budgets), hits, degraded, "connections");
    }

    private static Instant instant(Record row, String field) {
        OffsetDateTime time = row.get(field, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
