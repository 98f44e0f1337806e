package dev.junction.backend.alerts.conditions;

import dev.junction.backend.alerts.AlertCondition;
import dev.junction.backend.alerts.AlertFinding;
import dev.junction.backend.alerts.AlertScope;
import dev.junction.backend.alerts.CycleReads;
import dev.junction.backend.alerts.ScopedWorkflows;
import dev.junction.backend.connections.health.ConnectionHealth;
import dev.junction.backend.connections.health.ConnectionHealthService;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Rate limits saturated": a connection in scope whose fullest token bucket is at least {@code budgetPercent} %
 * used, or that hit rate limits (our limiter's waits and the remote's 429s) at least {@code hitsPerHour} times in the
 * current and previous clock hour (see {@link ConnectionHealth}). One finding per connection; it clears when both are
 * back under. Reads the connection health as it is now, once per
 * evaluation cycle for all rules of both connection kinds.
 */
@Component
public class RateLimitSaturationCondition implements AlertCondition {

    private final ConnectionHealthService health;
    private final ScopedWorkflows workflows;
    private final DSLContext db;

    RateLimitSaturationCondition(ConnectionHealthService health, ScopedWorkflows workflows, DSLContext db) {
        this.health = health;
        this.workflows = workflows;
        this.db = db;
    }

    @Override
    public String kind() {
        return "rate_limit_saturation";
    }

    @Override
    public String title() {
        return "Rate limits saturated";
    }

    @Override
    public Map<String, Object> parametersSchema() {
        return ObjectSchema.requiring()
                .property("budgetPercent", Parameters.numberField("Budget used (%)",
                        "Fires when a connection's fullest rate-limit bucket is at least this much used", 1, 100, 90))
                .property("hitsPerHour", Parameters.integerField("Rate-limit hits",
                        "…or when it waited for its limit or got a 429 this many times in the last hour or so", 1,
                        1_000_000, 50))
                .build();
    }

    @Override
    public List<AlertFinding> evaluate(AlertScope scope, Map<String, Object> parameters, Instant now) {
        return evaluate(scope, parameters, now, new CycleReads());
    }

    @Override
    public List<AlertFinding> evaluate(AlertScope scope, Map<String, Object> parameters, Instant now,
                                       CycleReads reads) {
        double budget = Parameters.number(parameters, "budgetPercent", 90) / 100;
        long hits = Parameters.integer(parameters, "hitsPerHour", 50);
        var connections = ScopedConnections.of(scope, workflows, db, reads);
        List<AlertFinding> findings = new ArrayList<>();
        for (ConnectionHealth connection : ConnectionHealthNow.of(health, reads)) {
            if (connections.isPresent() && !connections.get().contains(connection.connectionId())) {
                continue;
            }
            boolean full = connection.budgetUsed() != null && connection.budgetUsed() >= budget;
            boolean hit = connection.rateLimitHitsLastHour() >= hits;
            if (!full && !hit) {
                continue;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("connectionId", connection.connectionId());
            details.put("connectionName", connection.name());
            details.put("budgetUsed", connection.budgetUsed());
            details.put("rateLimitHitsLastHour", connection.rateLimitHitsLastHour());
            String used = connection.budgetUsed() == null ? "no budget yet"
                    : String.format(Locale.ROOT, "%.0f %% of its rate-limit budget used", connection.budgetUsed() * 100);
            findings.add(new AlertFinding("rate_limit_saturation:" + connection.connectionId(),
                    "Connection \"" + connection.name() + "\" is saturated: " + used + ", "
                            + connection.rateLimitHitsLastHour() + " rate-limit hits in the last hour",
                    "runs?category=rate_limit&connection=" + connection.connectionId(), details));
        }
        return findings;
    }
}
