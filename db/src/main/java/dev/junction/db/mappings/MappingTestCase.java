package dev.junction.db.mappings;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A saved test case of a mapping: a sample (JSON text) and the output (JSON text) the mapping must make of it. */
public record MappingTestCase(UUID id, UUID mappingId, String name, String sampleJson, String expectedJson,
                              String createdBy, OffsetDateTime createdAt) {
}
