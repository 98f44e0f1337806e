package dev.junction.backend.runs;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.db.runs.ReplayMode;
import dev.junction.db.runs.RunControl;
import dev.junction.db.runs.RunDetail;
import dev.junction.db.runs.RunFilter;
import dev.junction.db.runs.RunLineage;
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
import java.time.Clock;
import java.time.OffsetDateTime;
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
    private final RunLineage lineage;
    private final ReplaySettings replaySettings;
    private final Clock clock;

    RunService(RunQueries queries, RunControl control, RunLauncher launcher, WorkflowSource workflows,
               WorkflowRepository workflowRepository, WorkerPool pool, AuditTrail audit, SampleRepository samples,
               RunLineage lineage, ReplaySettings replaySettings, Clock clock) {
        this.samples = samples;
        this.lineage = lineage;
        this.replaySettings = replaySettings;
        this.clock = clock;
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
     * Replays every dead-lettered run that matches the filter (at most {@link #BULK_REPLAY_MAX}, oldest first) at the
     * configured rate ({@link ReplaySettings}); answers how many matched and were replayed, and why the others were
     * not.
     */
    @PreAuthorize(MAY_OPERATE)
    @Transactional
    public BulkReplay replayMatching(RunFilter filter, ReplayMode mode, int limit) {
        return replayMatching(filter, mode, limit, null);
    }

    /** As {@link #replayMatching(RunFilter, ReplayMode, int)} at {@code ratePerSecond} replays a second (null: the
     * setting). */
    @PreAuthorize(MAY_OPERATE)
    @Transactional
    public BulkReplay replayMatching(RunFilter filter, ReplayMode mode, int limit, Integer ratePerSecond) {
        List<UUID> ids = queries.ids(filter.withStatuses(Set.of(RunStatus.DEAD_LETTERED)), limit);
        BulkReplay result = replayAll(ids, mode, ratePerSecond);
        audit.record("run.bulk_replayed", ENTITY, "*", Map.of("from", mode.jsonName(), "matched", ids.size(),
                "replayed", result.replayed().size(), "ratePerSecond", result.ratePerSecond()));
        return result;
    }

    /** How many replays a second a bulk replay starts when it names no rate (junction.replays.rate-per-second). */
    public int defaultReplayRate() {
        return replaySettings.ratePerSecond();
    }

    /** The dry run of a bulk replay: how many runs {@link #replayMatching} would take up now. */
    @PreAuthorize(MAY_OPERATE)
    @Transactional(readOnly = true)
    public int countMatching(RunFilter filter, int limit) {
        return queries.ids(filter.withStatuses(Set.of(RunStatus.DEAD_LETTERED)), limit).size();
    }

    /**
     * Replays the runs {@code ids} in this order, spaced out to {@code ratePerSecond} (null: the setting
     * {@code junction.replays.rate-per-second}): the i-th replay's first steps are due i / rate seconds after the
     * first's, so a large bulk replay does not flood a connector. Not audited here: the caller says what was replayed.
     */
    @PreAuthorize(MAY_OPERATE)
    @Transactional
    public BulkReplay replayAll(List<UUID> ids, ReplayMode mode, Integer ratePerSecond) {
        int rate = replaySettings.rate(ratePerSecond);
        List<UUID> replayed = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        OffsetDateTime start = OffsetDateTime.now(clock);
        OffsetDateTime lastDue = null;
        for (UUID id : ids) {
            OffsetDateTime due = ReplaySettings.dueAt(start, replayed.size(), rate);
            switch (replayOne(id, mode, due)) {
                case RunControl.Outcome.Done done -> {
                    replayed.add(id);
                    lastDue = due;
                }
                case RunControl.Outcome.Refused no -> refused.put(id.toString(), no.message());
                case RunControl.Outcome.NotFound gone -> refused.put(id.toString(), "was deleted meanwhile");
            }
        }
        pool.wakeAfterCommit();
        return new BulkReplay(ids.size(), replayed, refused, rate, replayed.isEmpty() ? null : start, lastDue);
    }

    /**
     * What a bulk replay did: how many runs matched, which were replayed and why the others were not, at how many
     * replays a second, and when the first and the last replay are due (null when none was replayed).
     */
    public record BulkReplay(int matched, List<UUID> replayed, Map<String, String> refused, int ratePerSecond,
                             OffsetDateTime firstDueAt, OffsetDateTime lastDueAt) {
    }

    /**
     * "Edit the payload and retry": a new run of the workflow's published version with {@code input} (at most
     * {@value #TEST_INPUT_MAX_BYTES} bytes as JSON) and the original's business key, linked to the original
     * ({@link RunLineage#replayOf}). The original stays as it is; when the new run succeeds, the original's failure
     * is resolved.
     */
    @PreAuthorize(MAY_OPERATE)
    @Transactional
    public UUID retryWithInput(UUID originalId, Object input) {
        RunDetail original = get(originalId);
        if (!Set.of(RunStatus.DEAD_LETTERED.jsonName(), RunStatus.FAILED.jsonName())
                .contains(original.run().status())) {
            throw new ConflictException("status", "only a dead-lettered or failed run can be retried with an edited"
                    + " input; this one is " + original.run().status());
        }
        if (input == null) {
            throw new InvalidInputException("input", "must be the edited input as JSON");
        }
        int bytes = PayloadJson.write(input).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > TEST_INPUT_MAX_BYTES) {
            throw new InvalidInputException("input", "must be at most " + TEST_INPUT_MAX_BYTES + " bytes as JSON, has "
                    + bytes);
        }
        if (workflows.published(original.run().workflowId()).isEmpty()) {
            throw new ConflictException("workflowId", "the workflow has no published version to run the retry on");
        }
        UUID runId = launcher.start(original.run().workflowId(), "manual", input, original.run().businessKey());
        lineage.markReplayOf(runId, originalId);
        audit.record("run.retried_with_input", ENTITY, runId.toString(), Map.of("replayOf", originalId.toString(),
                "workflowId", original.run().workflowId().toString()));
        return runId;
    }

    /** The run that {@code runId} was started to retry (an edited retry), if it was. */
    @PreAuthorize("isAuthenticated()")
    public Optional<UUID> replayOf(UUID runId) {
        return lineage.replayOf(runId);
    }

    private RunControl.Outcome replayOne(UUID runId, ReplayMode mode) {
        return replayOne(runId, mode, null);
    }

    private RunControl.Outcome replayOne(UUID runId, ReplayMode mode, OffsetDateTime dueAt) {
        String refusal = mode == ReplayMode.LATEST_VERSION
                ? "the workflow has no published version to replay on"
                : "this run has no step to replay from";
        return control.replay(runId, run -> plan(run, mode), refusal, dueAt);
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
