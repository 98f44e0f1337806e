package dev.junction.db.errors;

import java.util.UUID;

/** Which error groups a list shows; a null field does not narrow. */
public record ErrorGroupFilter(String state, String category, UUID workflowId, String assignee) {

    public static ErrorGroupFilter all() {
        return new ErrorGroupFilter(null, null, null, null);
    }
}
