package dev.junction.engine.runs;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A step task a worker holds under a lease. {@code forEachId} and {@code itemIndex} are set for the nodes of a
 * forEach body (which item they work on); {@code resumeValue} carries what a RESUME task resumes with (a subflow
 * run's outcome); {@code runReplayed} says whether its run has been replayed (only then may a side effect of this
 * step have been done already under its idempotency key); {@code retryDeadline} is when the step's retry budget
 * ends, set by its first failure (null before).
 */
public record ClaimedTask(long id, UUID runId, UUID workflowId, int workflowVersion, String nodeId, String forEachId,
                          Integer itemIndex, int attempt, TaskKind kind, Object resumeValue, String leaseOwner,
                          boolean runReplayed, Instant retryDeadline) {

    public ClaimedTask {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(leaseOwner, "leaseOwner");
    }

    /**
     * The task of {@code next} that this task's row becomes when its worker goes straight on with it (chained or in
     * the same turn): the first attempt, leased to the same worker.
     */
    public ClaimedTask followedBy(NextTask next) {
        return new ClaimedTask(id, runId, workflowId, workflowVersion, next.nodeId(), next.forEachId(),
                next.itemIndex(), 1, TaskKind.EXECUTE, null, leaseOwner, runReplayed, null);
    }

    /** The key a side effect of this step is made safe to repeat with: the same on every attempt. */
    public String idempotencyKey() {
        return runId + ":" + nodeId + (itemIndex == null ? "" : ":" + itemIndex);
    }
}
