package dev.junction.backend.workflows;

import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/** The file a workflow is exported to and imported from ({@code format} "junction.workflow", version 1). */
public record WorkflowFile(String format, Integer formatVersion, String name, String description, Integer version,
                           OffsetDateTime exportedAt, JsonNode definition) {

    public static final String FORMAT = "junction.workflow";
    public static final int FORMAT_VERSION = 1;
}
