package dev.junction.backend.templates;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A newer template version for an installed workflow: the three-way merge of the installed template version's
 * definition (base), the new version's (theirs, with the installation's connections and parameters filled in) and
 * the workflow's latest version (ours). {@code upstreamChanges}: fields the new version changed; {@code localChanges}:
 * fields changed in the workflow since install; {@code conflicts}: fields both changed differently (listed per node
 * and field; the merged definition keeps the local value there); {@code summary} reads
 * "1 upstream change, 1 local change, 0 conflicts".
 */
public record UpdateOffer(UUID workflowId, String templateId, int installedVersion, int availableVersion,
                          int workflowVersion, int upstreamChanges, int localChanges, List<UpdateConflict> conflicts,
                          String summary, Map<String, Object> mergedDefinition) {

    /**
     * One field changed on both sides: its {@code key} (what a choice names: the path joined by {@code /}), where
     * ({@code nodeId}, {@code path}), and the three values.
     */
    public record UpdateConflict(String key, String nodeId, List<String> path, String label, Object base,
                                 Object local, Object upstream) {
    }
}
