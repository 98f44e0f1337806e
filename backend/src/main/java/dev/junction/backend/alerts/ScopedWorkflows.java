package dev.junction.backend.alerts;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The workflows a scope covers. A workflow scope is that workflow; a tag scope is every workflow whose name or
 * description carries {@code #tag} (workflows have no tag field of their own); a connection scope is every workflow
 * whose published version uses the connection (a node's {@code connection} setting); everything is every workflow.
 */
@Component
public class ScopedWorkflows {

    private final DSLContext db;

    ScopedWorkflows(DSLContext db) {
        this.db = db;
    }

    /** The ids and names of the scope's workflows; empty when the scope is everything (no list needed). */
    public Optional<Map<UUID, String>> of(AlertScope scope) {
        if (scope.workflowId() != null) {
            return Optional.of(names(db.fetch("select id, name from workflows where id = ?", scope.workflowId())));
        }
        if (scope.tag() != null) {
            String pattern = "%#" + scope.tag().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            return Optional.of(names(db.fetch("""
                    select id, name from workflows
                    where lower(name) like ? or lower(description) like ?""", pattern, pattern)));
        }
        if (scope.connectionId() != null) {
            return Optional.of(names(db.fetch("""
                    select w.id, w.name from workflows w
                    join workflow_versions v on v.workflow_id = w.id and v.version = w.published_version
                    where jsonb_path_exists(v.definition, '$.** ? (@.connection == $c)',
                                            jsonb_build_object('c', ?::text))""", scope.connectionId())));
        }
        return Optional.empty();
    }

    /** The name of a workflow (for sentences), or its id when it is gone. */
    public String name(UUID workflowId) {
        return Optional.ofNullable(db.fetchValue("select name from workflows where id = ?", workflowId))
                .map(String::valueOf).orElse(String.valueOf(workflowId));
    }

    private static Map<UUID, String> names(Iterable<Record> rows) {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (Record row : rows) {
            names.put(row.get(0, UUID.class), row.get(1, String.class));
        }
        return names;
    }
}
