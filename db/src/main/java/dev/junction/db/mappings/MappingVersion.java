package dev.junction.db.mappings;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One immutable version of a mapping's definition (the mapping JSON as saved). */
public record MappingVersion(UUID mappingId, int version, String definition, String comment, String createdBy,
                             OffsetDateTime createdAt) {
}
