package dev.junction.backend.runs;

import dev.junction.backend.api.ConflictException;
import dev.junction.db.runs.DeduplicatedStart;
import dev.junction.db.runs.PostgresRunStore;
import dev.junction.db.runs.RunSummary;
import dev.junction.engine.definition.RunToHere;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.engine.expressions.ExpressionException;
import dev.junction.engine.expressions.ExpressionRuntime;
import dev.junction.engine.expressions.ExpressionSession;
import dev.junction.engine.runs.NewRun;
import dev.junction.engine.runs.RunStore;
import dev.junction.engine.runs.WorkflowSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts runs of a workflow's published version: the run and the tasks of its first nodes are committed together
 * before this answers, so a caller told "accepted" can rely on it. A business key not given is taken from the
 * trigger's optional {@code businessKey} expression over the payload (e.g. {@code trigger.orderId}).
 */
@Service
public class RunLauncher {

    public static final int BUSINESS_KEY_MAX_LENGTH = 200;
    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    private final WorkflowSource workflows;
    /** The store, for what only the database version offers: starting a run once per dedup key. */
    private final PostgresRunStore runs;
    private final WorkerPool pool;
    private final ExpressionRuntime expressions;

    RunLauncher(WorkflowSource workflows, PostgresRunStore runs, WorkerPool pool, ExpressionRuntime expressions) {
        this.workflows = workflows;
        this.runs = runs;
        this.pool = pool;
        this.expressions = expressions;
    }

    /**
     * Starts one run.
     *
     * @throws ConflictException when the workflow has no published version
     */
    public UUID start(UUID workflowId, String triggerKind, Object input, String businessKey) {
        return startAll(workflowId, triggerKind, List.of(new Payload(businessKey, input)), null).getFirst();
    }

    /** Starts one run of a published version the caller has looked up already. */
    public UUID start(WorkflowSource.Published published, String triggerKind, Object input, String businessKey) {
        return startAll(published, triggerKind, List.of(new Payload(businessKey, input)), null).getFirst();
    }

    /**
     * Starts one run of a published version unless one was started under the same dedup key for the workflow
     * already (then nothing is created and that first run is answered). A null key starts the run without one.
     */
    public Started startOnce(WorkflowSource.Published published, String triggerKind, Object input, String businessKey,
                             String dedupKey) {
        if (dedupKey == null) {
            return new Started(start(published, triggerKind, input, businessKey), false);
        }
        Object keyExpression = published.definition().trigger().config().get("businessKey");
        NewRun run = new NewRun(published.workflowId(), published.version(), triggerKind,
                businessKey(new Payload(businessKey, input), keyExpression), input,
                published.definition().firstNodes());
        DeduplicatedStart started = runs.startOnce(run, DedupKeys.stored(dedupKey));
        if (!started.duplicate()) {
            pool.wakeAfterCommit();
        }
        return new Started(started.runId(), started.duplicate());
    }

    /**
     * The dedup key of a delivery from the trigger's {@code dedupKey} expression over the payload; empty when the
     * trigger has none, or it has no value for this payload (the run then starts without a key).
     */
    public Optional<String> dedupKey(WorkflowSource.Published published, Object input) {
        Object expression = published.definition().trigger().config().get("dedupKey");
        if (!(expression instanceof String text) || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(evaluate(text, input, "dedup key"));
    }

    /** A run started: its id, and whether an earlier delivery with the same dedup key had started it. */
    public record Started(UUID runId, boolean duplicate) {
    }

    /** Starts one run per payload (and moves a polling cursor) in one transaction. */
    public List<UUID> startAll(UUID workflowId, String triggerKind, List<Payload> payloads, RunStore.PollCursor cursor) {
        WorkflowSource.Published published = workflows.published(workflowId)
                .orElseThrow(() -> new ConflictException("workflow", "Workflow " + workflowId + " has no published"
                        + " version: publish one before starting runs"));
        return startAll(published, triggerKind, payloads, cursor);
    }

    private List<UUID> startAll(WorkflowSource.Published published, String triggerKind, List<Payload> payloads,
                                RunStore.PollCursor cursor) {
        UUID workflowId = published.workflowId();
        List<String> first = published.definition().firstNodes();
        Object keyExpression = published.definition().trigger().config().get("businessKey");
        List<NewRun> runs = payloads.stream().map(payload -> new NewRun(workflowId, published.version(), triggerKind,
                businessKey(payload, keyExpression), payload.input(), first)).toList();
        return launch(runs, cursor);
    }

    /**
     * Starts a test run ({@value dev.junction.db.runs.RunSummary#TEST_TRIGGER}) of a saved version, published or
     * not, with {@code input}; with a {@code stopAfterNode} only that node and the nodes that lead to it run
     * ({@link RunToHere}), else the whole version.
     */
    public UUID startTest(UUID workflowId, int version, WorkflowDefinition definition, Object input,
                          String stopAfterNode) {
        WorkflowDefinition runs = stopAfterNode == null ? definition : RunToHere.restrict(definition, stopAfterNode);
        Object keyExpression = definition.trigger().config().get("businessKey");
        return launch(List.of(new NewRun(workflowId, version, RunSummary.TEST_TRIGGER,
                businessKey(new Payload(null, input), keyExpression), input, runs.firstNodes(), stopAfterNode)),
                null).getFirst();
    }

    /** One run alone is the pool's to start (handed to a local worker when it can); several go through the queue. */
    private List<UUID> launch(List<NewRun> runs, RunStore.PollCursor cursor) {
        if (runs.size() == 1 && cursor == null) {
            return List.of(pool.startHere(runs.getFirst()));
        }
        return pool.startQueued(runs, cursor);
    }

    private String businessKey(Payload payload, Object expression) {
        String key = payload.businessKey();
        if (key == null && expression instanceof String text && !text.isBlank()) {
            key = evaluate(text, payload.input(), "business key");
        }
        if (key == null || key.isBlank()) {
            return null;
        }
        return key.length() > BUSINESS_KEY_MAX_LENGTH ? key.substring(0, BUSINESS_KEY_MAX_LENGTH) : key;
    }

    /** The text value of a trigger's key expression over the payload; null when it has none or fails. */
    private String evaluate(String expression, Object input, String what) {
        try (ExpressionSession session = expressions.openSession()) {
            Object value = session.evaluate(expression, new ExpressionSession.Scope(input, Map.of(), Map.of()));
            return value == null ? null : value instanceof Double number && number == Math.rint(number)
                    ? Long.toString(number.longValue()) : String.valueOf(value);
        } catch (ExpressionException e) {
            log.warn("The {} expression failed ({}); the run starts without a {}", what, e.getMessage(), what);
            return null;
        }
    }

    /** What one run starts with. */
    public record Payload(String businessKey, Object input) {
    }
}
