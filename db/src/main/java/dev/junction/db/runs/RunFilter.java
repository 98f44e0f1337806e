package dev.junction.db.runs;

import dev.junction.engine.runs.RunStatus;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * Which runs a list shows; every field may be null (no condition). {@code businessKey} matches exactly;
 * {@code nodeId} and {@code errorClass} match the step that failed; the time range is of creation ({@code from}
 * inclusive, {@code to} exclusive).
 */
public record RunFilter(UUID workflowId, Set<RunStatus> statuses, String businessKey, String nodeId,
                        String errorClass, OffsetDateTime from, OffsetDateTime to) {

    public static RunFilter all() {
        return new RunFilter(null, null, null, null, null, null, null);
    }

    public RunFilter withStatuses(Set<RunStatus> only) {
        return new RunFilter(workflowId, only, businessKey, nodeId, errorClass, from, to);
    }
}
