package dev.junction.engine.runs;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A step task a worker holds under a lease. {@code forEachId} and {@code itemIndex} are set for the nodes of a
 * forEach body (which item they work on); {@code resumeValue} carries what a RESUME task resumes with (a subflow
 * run's outcome); {@code runReplayed} says whether its run has been replayed (only then may a step's output be
 * remembered under its idempotency key already); {@code claimedBefore} whether this task's row was claimed before
 * for the node its turn began with (its worker died, or the step is retried): a step of the turn may then have
 * started once already. {@code attempt} counts the attempts of this try of the step (what the retry policy limits);
 * {@code attemptsBefore} is how many attempts the step had before its run was replayed from it, so that the step's
 * history numbers on (attempts 4, 5 after 1–3); {@code retryDeadline} is when the step's retry budget ends, set by
 * its first failure (null before).
 */
public record ClaimedTask(long id, UUID runId, UUID workflowId, int workflowVersion, String nodeId, String forEachId,
                          Integer itemIndex, int attempt, TaskKind kind, Object resumeValue, String leaseOwner,
                          boolean runReplayed, boolean claimedBefore, int attemptsBefore, Instant retryDeadline) {

    public ClaimedTask {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(leaseOwner, "leaseOwner");
    }

    /** A task claimed for the first time, of a step that has no attempts from before a replay. */
    public ClaimedTask(long id, UUID runId, UUID workflowId, int workflowVersion, String nodeId, String forEachId,
                       Integer itemIndex, int attempt, TaskKind kind, Object resumeValue, String leaseOwner,
                       boolean runReplayed) {
        this(id, runId, workflowId, workflowVersion, nodeId, forEachId, itemIndex, attempt, kind, resumeValue,
                leaseOwner, runReplayed, false, 0, null);
    }

    /** A task of a step that has no attempts from before a replay. */
    public ClaimedTask(long id, UUID runId, UUID workflowId, int workflowVersion, String nodeId, String forEachId,
                       Integer itemIndex, int attempt, TaskKind kind, Object resumeValue, String leaseOwner,
                       boolean runReplayed, boolean claimedBefore) {
        this(id, runId, workflowId, workflowVersion, nodeId, forEachId, itemIndex, attempt, kind, resumeValue,
                leaseOwner, runReplayed, claimedBefore, 0, null);
    }

    /** The attempt's number in the step's history: this try's attempt after those before a replay. */
    public int recordedAttempt() {
        return attemptsBefore + attempt;
    }

    /**
     * The task of {@code next} that this task's row becomes when its worker goes straight on with it (chained or in
     * the same turn): the first attempt, leased to the same worker. A turn that began on a row claimed before may
     * have run this task too before its worker died, so that is kept.
     */
    public ClaimedTask followedBy(NextTask next) {
        return new ClaimedTask(id, runId, workflowId, workflowVersion, next.nodeId(), next.forEachId(),
                next.itemIndex(), 1, TaskKind.EXECUTE, null, leaseOwner, runReplayed, claimedBefore, 0, null);
    }

    /** The task this row becomes after its turn was committed: a fresh task of {@code next}, claimed once. */
    public ClaimedTask chainedAfterCommit(NextTask next) {
        return new ClaimedTask(id, runId, workflowId, workflowVersion, next.nodeId(), next.forEachId(),
                next.itemIndex(), 1, TaskKind.EXECUTE, null, leaseOwner, runReplayed, false, 0, null);
    }

    /**
     * Whether this step may have started before under its idempotency key: a later attempt (of this try or before
     * a replay), a task claimed again (after its worker died, or in a turn that began on such a task) or a replayed
     * run. False only when this is certainly the step's first execution.
     */
    public boolean possibleRepeat() {
        return attempt > 1 || attemptsBefore > 0 || claimedBefore || runReplayed;
    }

    /** The key a side effect of this step is made safe to repeat with: the same on every attempt. */
    public String idempotencyKey() {
        return runId + ":" + nodeId + (itemIndex == null ? "" : ":" + itemIndex);
    }
}
