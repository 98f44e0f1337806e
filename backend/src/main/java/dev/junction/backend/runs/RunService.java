package dev.junction.backend.runs;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.db.runs.ReplayMode;
import dev.junction.db.runs.RunControl;
import dev.junction.db.runs.RunDetail;
import dev.junction.db.runs.RunFilter;
import dev.junction.db.runs.RunPage;
import dev.junction.db.runs.RunQueries;
import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.engine.runs.NextTask;
import dev.junction.engine.runs.RunStatus;
import dev.junction.engine.runs.WorkflowSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Runs as people work with them: start one by hand, look at runs and their steps, cancel, and replay dead-lettered
 * or failed runs one at a time or by filter. Starting, cancelling and replaying are audited.
 */
@Service
public class RunService {

    public static final String ENTITY = "run";
    public static final int BULK_REPLAY_MAX = 1_000;
    private static final String MAY_OPERATE = "hasAnyRole('ADMIN', 'DESIGNER', 'OPERATOR')";

    private final RunQueries queries;
    private final RunControl control;
    private final RunLauncher launcher;
    private final WorkflowSource workflows;
    private final WorkflowRepository workflowRepository;
    private final WorkerPool pool;
    private final AuditTrail audit;

    RunService(RunQueries queries, RunControl control, RunLauncher launcher, WorkflowSource workflows,
               WorkflowRepository workflowRepository, WorkerPool pool, AuditTrail audit) {
        this.queries = queries;
        this.control = control;
        this.launcher = launcher;
        this.workflows = workflows;
        this.workflowRepository = workflowRepository;
        this.pool = pool;
        this.audit = audit;
    }

    /** Starts a run of the published version by hand, with an input payload. */
    @PreAuthorize(MAY_OPERATE)
    @Transactional
    public UUID startManually(UUID workflowId, Object input, String businessKey) {
        if (workflowRepository.find(workflowId).isEmpty()) {
            throw new NotFoundException("No workflow with id " + workflowId);
        }
        if (businessKey != null && businessKey.length() > RunLauncher.BUSINESS_KEY_MAX_LENGTH) {
            throw new InvalidInputException("businessKey", "must be at most " + RunLauncher.BUSINESS_KEY_MAX_LENGTH
                    + " characters, has " + businessKey.length());
        }
        UUID runId = launcher.start(workflowId, "manual", input, businessKey == null || businessKey.isBlank() ? null
                : businessKey.strip());
        audit.record("run.started", ENTITY, runId.toString(), Map.of("workflowId", workflowId.toString(),
                "trigger", "manual"));
        return runId;
    }

    @PreAuthorize("isAuthenticated()")
    public RunPage list(RunFilter filter, String cursor, int limit) {
        try {
            return queries.list(filter, cursor, limit);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cursor", e.getMessage());
        }
    }

    @PreAuthorize("isAuthenticated()")
    public RunDetail get(UUID runId) {
        return queries.find(runId).orElseThrow(() -> new NotFoundException("No run with id " + runId));
    }

    @PreAuthorize(MAY_OPERATE)
    @Transactional
    public String cancel(UUID runId) {
        String status = settled(runId, control.cancel(runId));
        audit.record("run.cancelled", ENTITY, runId.toString(), Map.of());
        return status;
    }

    @PreAuthorize(MAY_OPERATE)
    @Transactional
    public String replay(UUID runId, ReplayMode mode) {
        String status = settled(runId, replayOne(runId, mode));
        audit.record("run.replayed", ENTITY, runId.toString(), Map.of("from", mode.jsonName()));
        pool.wakeAfterCommit();
        return status;
    }

    /**
     * Replays every dead-lettered run that matches the filter (at most {@link #BULK_REPLAY_MAX}, oldest first);
     * answers how many matched and were replayed, and why the others were not.
     */
    @PreAuthorize(MAY_OPERATE)
    @Transactional
    public BulkReplay replayMatching(RunFilter filter, ReplayMode mode, int limit) {
        List<UUID> ids = queries.ids(filter.withStatuses(Set.of(RunStatus.DEAD_LETTERED)), limit);
        List<UUID> replayed = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (UUID id : ids) {
            switch (replayOne(id, mode)) {
                case RunControl.Outcome.Done done -> replayed.add(id);
                case RunControl.Outcome.Refused no -> refused.put(id.toString(), no.message());
                case RunControl.Outcome.NotFound gone -> refused.put(id.toString(), "was deleted meanwhile");
            }
        }
        audit.record("run.bulk_replayed", ENTITY, "*", Map.of("from", mode.jsonName(), "matched", ids.size(),
                "replayed", replayed.size()));
        pool.wakeAfterCommit();
        return new BulkReplay(ids.size(), replayed, refused);
    }

    /** What a bulk replay did. */
    public record BulkReplay(int matched, List<UUID> replayed, Map<String, String> refused) {
    }

    private RunControl.Outcome replayOne(UUID runId, ReplayMode mode) {
        String refusal = mode == ReplayMode.LATEST_VERSION
                ? "the workflow has no published version to replay on"
                : "this run has no step to replay from";
        return control.replay(runId, run -> plan(run, mode), refusal);
    }

    private Optional<RunControl.ReplayPlan> plan(RunControl.ReplayableRun run, ReplayMode mode) {
        return switch (mode) {
            case FAILED_STEP -> run.failedNodeId() == null ? Optional.empty()
                    : Optional.of(new RunControl.ReplayPlan(run.version(), List.of(NextTask.of(
                            run.failedForEachId() != null ? run.failedForEachId() : run.failedNodeId())), false));
            case START -> workflows.version(run.workflowId(), run.version())
                    .map(definition -> new RunControl.ReplayPlan(run.version(),
                            definition.firstNodes().stream().map(NextTask::of).toList(), true));
            case LATEST_VERSION -> workflows.published(run.workflowId())
                    .map(published -> new RunControl.ReplayPlan(published.version(),
                            published.definition().firstNodes().stream().map(NextTask::of).toList(),
                            true));
        };
    }

    private static String settled(UUID runId, RunControl.Outcome outcome) {
        return switch (outcome) {
            case RunControl.Outcome.Done done -> done.status();
            case RunControl.Outcome.NotFound gone -> throw new NotFoundException("No run with id " + runId);
            case RunControl.Outcome.Refused refused -> throw new ConflictException("status", refused.message());
        };
    }
}
