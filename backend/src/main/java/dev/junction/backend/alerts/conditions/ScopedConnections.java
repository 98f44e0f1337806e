package dev.junction.backend.alerts.conditions;

import dev.junction.backend.alerts.AlertScope;
import dev.junction.backend.alerts.CycleReads;
import dev.junction.backend.alerts.ScopedWorkflows;
import org.jooq.DSLContext;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The connections a scope covers: a connection scope is that connection; a workflow or tag scope is every connection
 * the published versions of its workflows use; everything is every connection (empty answer). Which connections each
 * published workflow uses is read once per evaluation cycle for all rules ({@link CycleReads}), the scope's
 * workflows through {@link ScopedWorkflows#of(AlertScope, CycleReads)}.
 */
final class ScopedConnections {

    private ScopedConnections() {
    }

    static Optional<Set<String>> of(AlertScope scope, ScopedWorkflows workflows, DSLContext db, CycleReads reads) {
        if (scope.connectionId() != null) {
            return Optional.of(Set.of(scope.connectionId()));
        }
        var inScope = workflows.of(scope, reads);
        if (inScope.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, Set<String>> used = reads.once("connections_of_published_workflows", () -> usedByWorkflow(db));
        Set<String> connections = new HashSet<>();
        inScope.get().keySet().forEach(id -> connections.addAll(used.getOrDefault(id, Set.of())));
        return Optional.of(connections);
    }

    /** The connections (a node's {@code connection} setting) of every workflow's published version. */
    private static Map<UUID, Set<String>> usedByWorkflow(DSLContext db) {
        Map<UUID, Set<String>> used = new HashMap<>();
        db.fetch("""
                select distinct w.id, c #>> '{}' as connection
                from workflows w
                join workflow_versions v on v.workflow_id = w.id and v.version = w.published_version,
                     jsonb_path_query(v.definition, 'strict $.**.connection') c
                where jsonb_typeof(c) = 'string'""")
                .forEach(row -> used.computeIfAbsent(row.get(0, UUID.class), id -> new HashSet<>())
                        .add(row.get(1, String.class)));
        return used;
    }
}
