package dev.junction.db.runs;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A run as lists show it. A test run from the designer has the trigger kind {@value #TEST_TRIGGER}; a "run to here"
 * test run names the node it stops after ({@code stopAfterNode}, else null).
 */
public record RunSummary(UUID id, UUID workflowId, String workflowName, int workflowVersion, String triggerKind,
                         String businessKey, String status, String errorClass, String errorMessage,
                         String failedNodeId, int replays, UUID parentRunId, OffsetDateTime createdAt,
                         OffsetDateTime startedAt, OffsetDateTime finishedAt, String stopAfterNode) {

    public static final String TEST_TRIGGER = "test";

    /** Whether this is a test run started from the designer. */
    public boolean test() {
        return TEST_TRIGGER.equals(triggerKind);
    }
}
