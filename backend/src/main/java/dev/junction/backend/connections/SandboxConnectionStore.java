package dev.junction.backend.connections;

import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.sandbox.SandboxConnections;
import dev.junction.connectors.sandbox.Simulator;
import dev.junction.db.connections.ConnectionRepository;
import dev.junction.db.connections.StoredConnection;
import dev.junction.engine.connectors.ConnectorCatalog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Writes the sandbox connections at start, as the system user, each change with its audit entry. */
@Component
class SandboxConnectionStore implements SandboxConnections.Store {

    private static final String SYSTEM = "system";

    private final ConnectionRepository connections;
    private final ConnectorCatalog catalog;
    private final ConnectionSecrets secrets;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    SandboxConnectionStore(ConnectionRepository connections, ConnectorCatalog catalog, ConnectionSecrets secrets, AuditTrail audit,
                           TransactionTemplate transactions) {
        this.connections = connections;
        this.catalog = catalog;
        this.secrets = secrets;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public boolean ensure(String id, String name, String connectorId, Simulator.SandboxConnection sandbox) {
        String shownName = name != null ? name : catalog.find(connectorId)
                .map(connector -> connector.descriptor().name()).orElse(connectorId) + " sandbox";
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<StoredConnection> existing = connections.find(id);
            if (existing.isPresent()) {
                Map<String, String> settings = new LinkedHashMap<>(existing.get().settings());
                settings.putAll(sandbox.settings());
                if (!settings.equals(existing.get().settings())) {
                    connections.update(id, existing.get().name(), existing.get().environment(), settings, SYSTEM);
                    audit.record("connection.updated", ConnectionService.ENTITY, id,
                            Map.of("changed", new TreeSet<>(sandbox.settings().keySet()).stream()
                                    .map(setting -> "settings." + setting).toList(), "reason", "sandbox address"));
                }
                return false;
            }
            String unique = connections.nameTaken(shownName, null) ? shownName + " (" + id + ")" : shownName;
            connections.create(id, unique, connectorId, "sandbox", sandbox.settings(), SYSTEM);
            sandbox.secrets().forEach((field, value) -> secrets.put(id, field, value, SYSTEM));
            audit.record("connection.created", ConnectionService.ENTITY, id, Map.of("name", unique,
                    "connector", connectorId, "environment", "sandbox",
                    "settings", new TreeSet<>(sandbox.settings().keySet()),
                    "secrets", new TreeSet<>(sandbox.secrets().keySet())));
            return true;
        }));
    }
}
