package dev.junction.backend.alerts;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The workflows a scope covers. A workflow scope is that workflow; a tag scope is every workflow carrying the tag
 * (its {@code tags}; the {@code #tag} words rules matched in names and descriptions before became tags in V35); a
 * connection scope is every workflow
 * whose published version uses the connection (a node's {@code connection} setting); everything is every workflow.
 */
@Component
public class ScopedWorkflows {

    private final DSLContext db;

    public ScopedWorkflows(DSLContext db) {
        this.db = db;
    }

    /** The ids and names of the scope's workflows; empty when the scope is everything (no list needed). */
    public Optional<Map<UUID, String>> of(AlertScope scope) {
        if (scope.workflowId() != null) {
            return Optional.of(names(db.fetch("select id, name from workflows where id = ?", scope.workflowId())));
        }
        if (scope.tag() != null) {
            return Optional.of(names(db.fetch("select id, name from workflows where tags @> array[?::text]",
                    scope.tag().toLowerCase(java.util.Locale.ROOT))));
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

    /** A workflow as the conditions need it: name, when it was created, whether it is archived, its tags. */
    public record Workflow(UUID id, String name, OffsetDateTime createdAt, boolean archived, Set<String> tags) {
    }

    /** Every workflow by id, read once per cycle. */
    public Map<UUID, Workflow> all(CycleReads reads) {
        return reads.once("workflows", () -> {
            Map<UUID, Workflow> all = new LinkedHashMap<>();
            for (Record row : db.fetch("select id, name, created_at, archived_at is not null, tags from workflows")) {
                String[] tags = row.get(4, String[].class);
                all.put(row.get(0, UUID.class), new Workflow(row.get(0, UUID.class), row.get(1, String.class),
                        row.get(2, OffsetDateTime.class), row.get(3, Boolean.class),
                        tags == null ? Set.of() : Set.of(tags)));
            }
            return all;
        });
    }

    /**
     * {@link #of(AlertScope)} within an evaluation cycle: a workflow or tag scope is taken from {@link #all} (one
     * read of every workflow with its tags, not one per tag), a connection scope is read once per cycle for all rules
     * with that scope.
     */
    public Optional<Map<UUID, String>> of(AlertScope scope, CycleReads reads) {
        if (scope.workflowId() != null) {
            Workflow workflow = all(reads).get(scope.workflowId());
            return Optional.of(workflow == null ? Map.of() : Map.of(workflow.id(), workflow.name()));
        }
        if (scope.tag() != null) {
            String tag = scope.tag().toLowerCase(java.util.Locale.ROOT);
            return Optional.of(reads.once(scope, () -> {
                Map<UUID, String> tagged = new LinkedHashMap<>();
                all(reads).values().stream().filter(workflow -> workflow.tags().contains(tag))
                        .forEach(workflow -> tagged.put(workflow.id(), workflow.name()));
                return tagged;
            }));
        }
        if (scope.tag() == null && scope.connectionId() == null) {
            return Optional.empty();
        }
        return reads.once(scope, () -> of(scope));
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
