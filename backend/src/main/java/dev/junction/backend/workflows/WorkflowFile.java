package dev.junction.backend.workflows;

import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The file a workflow is exported to and imported from ({@code format} "junction.workflow", version 1): the
 * definition, plus the stored mappings its map nodes use and the lookup tables its lookup nodes and mappings read,
 * so that the file runs on another installation. {@code mappings} and {@code lookupTables} may be absent (files
 * of earlier exports).
 */
public record WorkflowFile(String format, Integer formatVersion, String name, String description, Integer version,
                           OffsetDateTime exportedAt, JsonNode definition, List<MappingFile> mappings,
                           List<LookupTableFile> lookupTables) {

    public static final String FORMAT = "junction.workflow";
    public static final int FORMAT_VERSION = 1;

    /**
     * A stored mapping a map node uses: {@code id} is its id where it was exported (what the map nodes of
     * {@code definition} name), {@code name} what it is found by on import, {@code definition} the version that
     * runs (the published one, else the latest).
     */
    public record MappingFile(String id, String name, String description, JsonNode definition) {
    }

    /** A lookup table the workflow reads, with every entry. */
    public record LookupTableFile(String name, String description, String missingKey, String keyLabel,
                                  String valueLabel, Map<String, Object> entries) {
    }
}
