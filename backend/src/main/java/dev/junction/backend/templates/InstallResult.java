package dev.junction.backend.templates;

import java.util.List;
import java.util.UUID;

/**
 * What an install made: the new workflow (version 1, a draft: not published), the stored mappings it created or
 * reused, the lookup tables it created, and the validator's problems of version 1 (empty when it can be published).
 */
public record InstallResult(UUID workflowId, String workflowName, int workflowVersion, String templateId,
                            int templateVersion, List<UUID> mappingIds, List<String> lookupTables,
                            List<TemplateProblem> problems) {
}
