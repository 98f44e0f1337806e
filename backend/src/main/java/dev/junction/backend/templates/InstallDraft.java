package dev.junction.backend.templates;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * The setup wizard's state, kept so that it can be resumed: which template (and version), the {@code step} the
 * wizard was on (free text the UI chooses, e.g. {@code connections}, {@code parameters}, {@code review},
 * {@code test}, {@code publish}), the workflow name, connections and parameters chosen so far, the test input as the
 * user edited it (null: the template's sample), and — once installed — the workflow it made. Each user sees their own
 * drafts.
 */
public record InstallDraft(UUID id, String templateId, int templateVersion, String step, String workflowName,
                           Map<String, String> connections, Map<String, Object> parameters,
                           Map<String, Object> testInput, UUID workflowId,
                           String createdBy, OffsetDateTime updatedAt) {
}
