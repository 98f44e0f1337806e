package dev.junction.db.mappings;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored mapping: its name and which of its versions is the latest and which is published (null: none). */
public record StoredMapping(UUID id, String name, String description, int latestVersion, Integer publishedVersion,
                            String createdBy, OffsetDateTime createdAt, String updatedBy, OffsetDateTime updatedAt) {
}
