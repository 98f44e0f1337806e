package dev.junction.db.workflows;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A workflow as stored: its identity, name and description, and who created and last changed it. */
public record Workflow(UUID id, String name, String description, String createdBy, OffsetDateTime createdAt,
                       String updatedBy, OffsetDateTime updatedAt) {
}
