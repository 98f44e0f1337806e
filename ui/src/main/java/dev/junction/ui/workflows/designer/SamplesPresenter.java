package dev.junction.ui.workflows.designer;

import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.catalog.Catalog;
import dev.junction.backend.triggers.CronPreview;
import dev.junction.backend.workflows.SampleScopes;
import dev.junction.db.runs.RunDetail;
import dev.junction.db.runs.StepView;
import dev.junction.engine.definition.Edge;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.engine.expressions.ExpressionException;
import dev.junction.engine.expressions.ExpressionSession;
import dev.junction.engine.json.PayloadJson;
import dev.junction.ui.workflows.designer.DesignerContract.EvaluateResult;
import dev.junction.ui.workflows.designer.DesignerContract.EvaluationError;
import dev.junction.ui.workflows.designer.DesignerContract.Refused;
import dev.junction.ui.workflows.designer.DesignerContract.Value;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The designer's sample data of one workflow and what is evaluated on it: pinned samples, a node's input and output
 * (from the run shown, else the latest run, else the pins, else the operation's schemas), expressions evaluated by
 * the runs' sandbox on that sample, and the next fire times of a cron expression.
 */
public final class SamplesPresenter {

    static final int NODE_DATA_MAX_CHARACTERS = 16_384;

    private final DesignerPresenters services;
    private final UUID workflowId;
    private final Refusals refusals;
    private final RunsPresenter runs;

    SamplesPresenter(DesignerPresenters services, UUID workflowId, Refusals refusals, RunsPresenter runs) {
        this.services = services;
        this.workflowId = workflowId;
        this.refusals = refusals;
        this.runs = runs;
    }

    /** The pinned samples, by node id then port. */
    public Map<String, Map<String, Object>> pinned() {
        return services.samples.samples(workflowId);
    }

    /** Pins a sample on a node's output port (null unpins); empty when done, else why not. */
    public Optional<Refused> pin(String nodeId, String port, Object sample) {
        return refusals.changing("pin", () -> {
            services.samples.pin(workflowId, nodeId, port, sample);
            return Optional.<Refused>empty();
        }, List::of, (message, problems) -> Optional.of(new Refused(message, problems)));
    }

    /**
     * Evaluates an expression ({@code {{ … }}} or bare) by the sandbox runs use, on the scope runs build (trigger,
     * nodes.&lt;id&gt;, vars), filled from the run shown on the canvas, else the workflow's latest run, else the pinned
     * samples; {@code nodes} holds only the nodes upstream of {@code nodeId} in {@code documentJson} (all when the
     * document does not say).
     */
    public EvaluateResult evaluate(String expression, String nodeId, String documentJson) {
        if (expression == null || expression.isBlank()) {
            return new EvaluationError("Write an expression, such as trigger.orderId", 0);
        }
        int start = 0;
        String bare = expression;
        String stripped = expression.strip();
        if (stripped.startsWith("{{") && stripped.endsWith("}}") && stripped.length() >= 4) {
            String inner = stripped.substring(2, stripped.length() - 2);
            start = expression.indexOf("{{") + 2;
            bare = inner;
        }
        if (bare.isBlank()) {
            return new EvaluationError("Write an expression between {{ and }}", start);
        }
        SampleScopes.SampleScope sample = services.sampleScopes.of(workflowId, runs.shownRunId());
        ExpressionSession.Scope scope = sample.scope();
        Set<String> upstream = Upstream.of(documentJson, nodeId);
        if (upstream != null) {
            Map<String, Object> nodes = new LinkedHashMap<>();
            scope.nodes().forEach((id, output) -> {
                if (upstream.contains(id)) {
                    nodes.put(id, output);
                }
            });
            scope = new ExpressionSession.Scope(scope.trigger(), nodes, scope.vars());
        }
        try (ExpressionSession session = services.expressions.openSession()) {
            return new Value(session.evaluate(bare, scope), sample.source());
        } catch (ExpressionException e) {
            return new EvaluationError(e.getMessage(), e.position() == null ? null : start + e.position());
        }
    }

    /**
     * "Run this step": node {@code nodeId} of the working copy {@code documentJson} run alone, on the sandbox, with
     * what flows into it from the run shown (else the latest run) and the pinned samples; nothing is kept in the
     * run history. A refusal names the problem (a production connection, a document that cannot be read).
     */
    public DesignerContract.StepRunResult runStep(String nodeId, String documentJson) {
        if (nodeId == null || "trigger".equals(nodeId)) {
            return new Refused("Pick a step to run: a trigger has nothing to run", List.of());
        }
        dev.junction.engine.definition.WorkflowDefinition definition;
        try {
            definition = dev.junction.engine.definition.DefinitionJson.read(documentJson);
        } catch (RuntimeException e) {
            return new Refused("The workflow cannot be read: " + e.getMessage(), List.of());
        }
        try {
            dev.junction.backend.workflows.StepTrials.StepTrial trial = services.stepTrials.run(workflowId,
                    definition, nodeId, runs.shownRunId());
            return new DesignerContract.StepRun(nodeId, trial.status(), trial.input(), trial.output(),
                    trial.ports(), trial.message(), trial.dataSource());
        } catch (org.springframework.security.access.AccessDeniedException e) {
            refusals.record("runStep");
            return new Refused("You may not run a step alone: that needs the designer or admin role.", List.of());
        } catch (dev.junction.backend.api.InvalidInputException e) {
            return new Refused(e.problems().stream().map(problem -> problem.field() + " " + problem.message())
                    .reduce((a, b) -> a + "; " + b).orElse("the step cannot run"), e.problems().stream()
                    .map(problem -> new DesignerContract.Problem(nodeId, problem.field(), null, problem.message()))
                    .toList());
        } catch (NotFoundException e) {
            return new Refused(e.getMessage(), List.of());
        }
    }

    /** The next five fire times of a cron expression in a zone, by the parser the schedule triggers use. */
    public DesignerContract.CronPreview cronPreview(String cron, String zone) {
        try {
            return DesignerContract.CronPreview.times(CronPreview.next(cron, zone, Instant.now(), 5).stream()
                    .map(time -> time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).toList());
        } catch (IllegalArgumentException e) {
            return DesignerContract.CronPreview.error(e.getMessage());
        }
    }

    /**
     * What went into and out of a node: from the run's step records (the run given, else the shown one, else the
     * workflow's latest), trimmed to {@value #NODE_DATA_MAX_CHARACTERS} characters of JSON; else its pinned sample
     * (output) and the pinned sample of its one predecessor (input); else the schema its operation describes.
     */
    public DesignerContract.NodeData nodeData(String nodeId, UUID runId) {
        UUID source = runId != null ? runId : runs.shownRunId() != null ? runs.shownRunId()
                : services.sampleScopes.of(workflowId, null).runId();
        if (source != null) {
            RunDetail detail = runs.run(source);
            StepView last = null;
            for (StepView step : detail.steps()) {
                if (nodeId.equals(step.nodeId()) && step.generation() == detail.generation()
                        && step.itemIndex() == null) {
                    last = step;
                }
            }
            if ("trigger".equals(nodeId)) {
                return new DesignerContract.NodeData(nodeId, DesignerContract.Side.none(),
                        trimmed("run", "out", detail.input() == null ? null : detail.input().value()), null);
            }
            if (last != null) {
                return new DesignerContract.NodeData(nodeId,
                        trimmed("run", null, last.input() == null ? null : last.input().value()),
                        trimmed("run", "out", last.output() == null ? null : last.output().value()),
                        last.errorMessage());
            }
        }
        Map<String, Map<String, Object>> pinned = services.samples.samples(workflowId);
        WorkflowDefinition definition = services.versions.latest(workflowId).definition();
        DesignerContract.Side output = pinned.getOrDefault(nodeId, Map.of()).containsKey("out")
                ? trimmed("pinned", "out", pinned.get(nodeId).get("out")) : null;
        List<String> before = definition.edges().stream().filter(edge -> edge.to().equals(nodeId))
                .map(Edge::from).distinct().toList();
        DesignerContract.Side input = before.size() == 1 && pinned.getOrDefault(before.getFirst(), Map.of())
                .containsKey("out") ? trimmed("pinned", null, pinned.get(before.getFirst()).get("out")) : null;
        Optional<Catalog.Operation> operation = operation(definition, nodeId);
        if (input == null) {
            input = operation.map(op -> new DesignerContract.Side("schema", null, null, op.inputSchema(), null))
                    .orElse(DesignerContract.Side.none());
        }
        if (output == null) {
            output = operation.map(op -> new DesignerContract.Side("schema", "out", null, op.outputSchema(), null))
                    .orElse(DesignerContract.Side.none());
        }
        return new DesignerContract.NodeData(nodeId, input, output, null);
    }

    private static DesignerContract.Side trimmed(String source, String port, Object value) {
        String json = PayloadJson.write(value);
        if (json.length() <= NODE_DATA_MAX_CHARACTERS) {
            return new DesignerContract.Side(source, port, value, null, null);
        }
        return new DesignerContract.Side(source, port, json.substring(0, NODE_DATA_MAX_CHARACTERS), null, true);
    }

    /** The catalog's operation a connector node calls (its connection's connector, its operation id). */
    private Optional<Catalog.Operation> operation(WorkflowDefinition definition, String nodeId) {
        return definition.node(nodeId).filter(node -> "connector".equals(node.type()))
                .flatMap(node -> connector(node.config().get("connection")).flatMap(connector ->
                        services.catalog.catalog().connectors().stream().filter(c -> c.id().equals(connector))
                                .flatMap(c -> c.operations().stream())
                                .filter(op -> op.id().equals(node.config().get("operation"))).findFirst()));
    }

    private Optional<String> connector(Object connectionId) {
        if (!(connectionId instanceof String id) || !services.workflows.currentUserMayChange()) {
            return Optional.empty();
        }
        try {
            return Optional.of(services.connections.get(id).connectorId());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
