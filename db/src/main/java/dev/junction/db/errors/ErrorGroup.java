package dev.junction.db.errors;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Failures of one kind: a workflow's step failing with one error class and one message template. {@code failures}
 * counts every failure ever recorded in it; {@code openFailures} the runs whose failure is not resolved yet;
 * {@code affectedKeys} the distinct business keys of its runs; {@code pendingRetries} its runs replayed and not
 * ended yet. {@code state} is {@value #OPEN} or {@value #RESOLVED}.
 */
public record ErrorGroup(UUID id, UUID workflowId, String workflowName, String nodeId, String errorClass,
                         String category, String messageTemplate, String sampleMessage, UUID sampleRunId,
                         long failures, long openFailures, long affectedKeys, long pendingRetries,
                         OffsetDateTime firstSeenAt, OffsetDateTime lastSeenAt, String state, String assignee,
                         List<String> tags, String resolutionNote, String resolvedBy, OffsetDateTime resolvedAt) {

    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";
}
