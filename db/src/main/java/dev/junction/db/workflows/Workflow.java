package dev.junction.db.workflows;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A workflow as stored: its identity, name and description, who created and last changed it, its newest saved
 * version, and the version triggers run ({@code publishedVersion}, null while none is published).
 */
public record Workflow(UUID id, String name, String description, String createdBy, OffsetDateTime createdAt,
                       String updatedBy, OffsetDateTime updatedAt, int latestVersion, Integer publishedVersion) {
}
