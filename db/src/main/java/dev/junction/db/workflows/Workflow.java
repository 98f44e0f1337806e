package dev.junction.db.workflows;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A workflow as stored: its identity, name and description, who created and last changed it, its newest saved
 * version, the version triggers run ({@code publishedVersion}, null while none is published), and its tags
 * (lower-case, sorted; alert rules and the workflows and runs lists filter by them).
 */
public record Workflow(UUID id, String name, String description, String createdBy, OffsetDateTime createdAt,
                       String updatedBy, OffsetDateTime updatedAt, int latestVersion, Integer publishedVersion,
                       List<String> tags) {

    public Workflow {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
