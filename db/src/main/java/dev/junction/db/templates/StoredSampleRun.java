package dev.junction.db.templates;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A template's sample run as stored (V37): the run, the sample's workflow until archived (null after), the mapping
 * ids and lookup table names its install created until removed (JSON arrays as text), and the result the preview
 * shows (JSON as text).
 */
public record StoredSampleRun(UUID runId, String templateId, int templateVersion, UUID workflowId,
                              String createdMappingsJson, String createdLookupTablesJson, String resultJson,
                              OffsetDateTime startedAt) {
}
