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
import java.util.Map;

/**
 * "A connection fails to authenticate": a connection in scope whose last call failed with an authentication error
 * (its health's {@code authState} is {@code failing}, see {@link ConnectionHealth}). One finding per connection; it
 * clears after the connection's next successful call. Reads the connection health as it is now, once per
 * evaluation cycle for all rules of both connection kinds.
 */
@Component
public class ConnectionAuthFailingCondition implements AlertCondition {

    private final ConnectionHealthService health;
    private final ScopedWorkflows workflows;
    private final DSLContext db;

    ConnectionAuthFailingCondition(ConnectionHealthService health, ScopedWorkflows workflows, DSLContext db) {
        this.health = health;
        this.workflows = workflows;
        this.db = db;
    }

    @Override
    public String kind() {
        return "connection_auth_failing";
    }

    @Override
    public String title() {
        return "A connection fails to authenticate";
    }

    @Override
    public Map<String, Object> parametersSchema() {
        return ObjectSchema.requiring().build();
    }

    @Override
    public List<AlertFinding> evaluate(AlertScope scope, Map<String, Object> parameters, Instant now) {
        return evaluate(scope, parameters, now, new CycleReads());
    }

    @Override
    public List<AlertFinding> evaluate(AlertScope scope, Map<String, Object> parameters, Instant now,
                                       CycleReads reads) {
        var connections = ScopedConnections.of(scope, workflows, db, reads);
        List<AlertFinding> findings = new ArrayList<>();
        for (ConnectionHealth connection : ConnectionHealthNow.of(health, reads)) {
            if (!"failing".equals(connection.authState())
                    || connections.isPresent() && !connections.get().contains(connection.connectionId())) {
                continue;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("connectionId", connection.connectionId());
            details.put("connectionName", connection.name());
            details.put("lastFailureAt", connection.lastFailureAt() == null ? null
                    : connection.lastFailureAt().toString());
            details.put("lastFailureClass", connection.lastFailureClass());
            details.put("lastFailureMessage", connection.lastFailureMessage());
            findings.add(new AlertFinding("connection_auth_failing:" + connection.connectionId(),
                    "Connection \"" + connection.name() + "\" fails to authenticate"
                            + (connection.lastFailureMessage() == null ? "" : ": " + connection.lastFailureMessage()),
                    connection.testLink(), details));
        }
        return findings;
    }
}
