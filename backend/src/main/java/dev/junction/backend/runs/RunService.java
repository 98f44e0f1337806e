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
import dev.junction.db.runs.RunSummary;
import dev.junction.db.samples.SampleRepository;
import dev.junction.engine.definition.RunToHere;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.engine.json.PayloadJson;
import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.engine.runs.NextTask;
import dev.junction.engine.runs.RunStatus;
import dev.junction.engine.runs.WorkflowSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
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
    private final SampleRepository samples;

    RunService(RunQueries queries, RunControl control, RunLauncher launcher, WorkflowSource workflows,
               WorkflowRepository workflowRepository, WorkerPool pool, AuditTrail audit, SampleRepository samples) {
        this.samples = samples;
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

    /**
     * Starts a test run of a saved version (published or not) through the same engine and workers as any run:
     * {@code input} (null: the sample pinned on the trigger's {@code out} port, else {@code {}}), at most
     * {@value #TEST_INPUT_MAX_BYTES} bytes as JSON; with {@code stopAfterNode} ("run to here") only that node and
     * the nodes that lead to it run. The run's trigger is {@value RunSummary#TEST_TRIGGER}.
     */
    @PreAuthorize(MAY_OPERATE)
    @Transactional
    public UUID startTest(UUID workflowId, int version, Object input, String stopAfterNode) {
        if (workflowRepository.find(workflowId).isEmpty()) {
            throw new NotFoundException("No workflow with id " + workflowId);
        }
        WorkflowDefinition definition = workflows.version(workflowId, version)
                .orElseThrow(() -> new NotFoundException("Workflow " + workflowId + " has no version " + version));
        if (stopAfterNode != null && definition.node(stopAfterNode).isEmpty()) {
            throw new InvalidInputException("untilNodeId", "must be a node of version " + version + "; '"
                    + stopAfterNode + "' is not one");
        }
        Object payload = input != null ? input : samples.list(workflowId).stream()
                .filter(sample -> "trigger".equals(sample.nodeId()) && "out".equals(sample.port())).findFirst()
                .map(sample -> PayloadJson.read(sample.sampleJson())).orElse(Map.of());
        int bytes = PayloadJson.write(payload).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > TEST_INPUT_MAX_BYTES) {
            throw new InvalidInputException("input", "must be at most " + TEST_INPUT_MAX_BYTES + " bytes as JSON, has "
                    + bytes);
        }
        UUID runId = launcher.startTest(workflowId, version, definition, payload, stopAfterNode);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("workflowId", workflowId.toString());
        details.put("trigger", RunSummary.TEST_TRIGGER);
        details.put("version", version);
        if (stopAfterNode != null) {
            details.put("stopAfterNode", stopAfterNode);
        }
        audit.record("run.started", ENTITY, runId.toString(), details);
        return runId;
    }

    public static final int TEST_INPUT_MAX_BYTES = 1_048_576;

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
                            firstNodes(definition, run).stream().map(NextTask::of).toList(), true));
            case LATEST_VERSION -> workflows.published(run.workflowId())
                    .map(published -> new RunControl.ReplayPlan(published.version(),
                            firstNodes(published.definition(), run).stream().map(NextTask::of).toList(),
                            true));
        };
    }

    /** The nodes a replay from the trigger starts with: of the part that leads to a "run to here" run's stop node. */
    private static List<String> firstNodes(WorkflowDefinition definition, RunControl.ReplayableRun run) {
        return run.stopAfterNode() == null ? definition.firstNodes()
                : RunToHere.restrict(definition, run.stopAfterNode()).firstNodes();
    }

    private static String settled(UUID runId, RunControl.Outcome outcome) {
        return switch (outcome) {
            case RunControl.Outcome.Done done -> done.status();
            case RunControl.Outcome.NotFound gone -> throw new NotFoundException("No run with id " + runId);
            case RunControl.Outcome.Refused refused -> throw new ConflictException("status", refused.message());
        };
    }
}
