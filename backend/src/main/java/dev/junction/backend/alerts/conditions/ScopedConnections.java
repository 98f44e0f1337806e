package dev.junction.backend.alerts.conditions;

import dev.junction.backend.alerts.AlertScope;
import dev.junction.backend.alerts.ScopedWorkflows;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The connections a scope covers: a connection scope is that connection; a workflow or tag scope is every connection
 * the published versions of its workflows use; everything is every connection (empty answer).
 */
final class ScopedConnections {

    private ScopedConnections() {
    }

    static Optional<Set<String>> of(AlertScope scope, ScopedWorkflows workflows, DSLContext db) {
        if (scope.connectionId() != null) {
            return Optional.of(Set.of(scope.connectionId()));
        }
        var inScope = workflows.of(scope);
        if (inScope.isEmpty()) {
            return Optional.empty();
        }
        Set<String> connections = new HashSet<>();
        db.fetch("""
                select distinct c #>> '{}' as connection
                from workflows w
                join workflow_versions v on v.workflow_id = w.id and v.version = w.published_version,
                     jsonb_path_query(v.definition, 'strict $.**.connection') c
                where w.id = any(?) and jsonb_typeof(c) = 'string'""",
                DSL.val(inScope.get().keySet().toArray(UUID[]::new), SQLDataType.UUID.array()))
                .forEach(row -> connections.add(row.get(0, String.class)));
        return Optional.of(connections);
    }
}
