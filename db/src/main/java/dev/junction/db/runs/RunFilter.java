package dev.junction.db.runs;

import dev.junction.engine.runs.ErrorCategory;
import dev.junction.engine.runs.RunStatus;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * Which runs a list shows; every field may be null (no condition). {@code businessKey} matches exactly;
 * {@code nodeId} and {@code errorClass} match the step that failed; the time range is of creation ({@code from}
 * inclusive, {@code to} exclusive); {@code version} is the workflow version the run ran; {@code triggerKind} how it
 * was started; {@code connection} a connection id the run's workflow version uses; {@code category} the
 * {@link ErrorCategory} of the run's error class; {@code tag} a tag the run's workflow carries (lower-case). The URL
 * form of a filter is {@link RunsQuery}.
 */
public record RunFilter(UUID workflowId, Set<RunStatus> statuses, String businessKey, String nodeId,
                        String errorClass, OffsetDateTime from, OffsetDateTime to, Integer version,
                        String triggerKind, String connection, ErrorCategory category, String tag) {

    /** A filter without a tag. */
    public RunFilter(UUID workflowId, Set<RunStatus> statuses, String businessKey, String nodeId, String errorClass,
                     OffsetDateTime from, OffsetDateTime to, Integer version, String triggerKind, String connection,
                     ErrorCategory category) {
        this(workflowId, statuses, businessKey, nodeId, errorClass, from, to, version, triggerKind, connection,
                category, null);
    }

    /** A filter without version, trigger, connection and category (the form before issue 18). */
    public RunFilter(UUID workflowId, Set<RunStatus> statuses, String businessKey, String nodeId, String errorClass,
                     OffsetDateTime from, OffsetDateTime to) {
        this(workflowId, statuses, businessKey, nodeId, errorClass, from, to, null, null, null, null, null);
    }

    public static RunFilter all() {
        return new RunFilter(null, null, null, null, null, null, null);
    }

    public RunFilter withStatuses(Set<RunStatus> only) {
        return new RunFilter(workflowId, only, businessKey, nodeId, errorClass, from, to, version, triggerKind,
                connection, category, tag);
    }

    public RunFilter withTag(String only) {
        return new RunFilter(workflowId, statuses, businessKey, nodeId, errorClass, from, to, version, triggerKind,
                connection, category, only);
    }
}
