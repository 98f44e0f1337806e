package dev.junction.backend.alerts;

import java.util.UUID;

/** What a rule watches: one workflow, the workflows with a tag, one connection, or (all null) everything. */
public record AlertScope(UUID workflowId, String tag, String connectionId) {

    public static AlertScope everything() {
        return new AlertScope(null, null, null);
    }
}
