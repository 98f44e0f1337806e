package dev.junction.ui.workflows.designer;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.connections.ConnectionView;
import dev.junction.backend.security.CurrentUser;
import dev.junction.backend.workflows.StoredDefinition;
import dev.junction.db.runs.RunDetail;
import dev.junction.db.runs.StepView;
import dev.junction.db.users.Role;
import dev.junction.db.workflows.Workflow;
import dev.junction.db.workflows.WorkflowSort;
import dev.junction.db.workflows.WorkflowVersion;
import dev.junction.engine.definition.DefinitionDiff;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.Edge;
import dev.junction.engine.definition.FieldChanges;
import dev.junction.engine.definition.DefinitionMerge;
import dev.junction.engine.definition.DefinitionProblem;
import dev.junction.engine.definition.TriggerKind;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.engine.expressions.ExpressionException;
import dev.junction.engine.expressions.ExpressionSession;
import dev.junction.backend.triggers.CronPreview;
import dev.junction.backend.workflows.SampleScopes;
import dev.junction.ui.workflows.designer.DesignerContract.EvaluateResult;
import dev.junction.ui.workflows.designer.DesignerContract.EvaluationError;
import dev.junction.ui.workflows.designer.DesignerContract.Value;
import dev.junction.engine.json.PayloadJson;
import dev.junction.ui.workflows.designer.DesignerContract.Conflict;
import dev.junction.ui.workflows.designer.DesignerContract.ConnectionInfo;
import dev.junction.ui.workflows.designer.DesignerContract.EdgeInfo;
import dev.junction.ui.workflows.designer.DesignerContract.FieldDiff;
import dev.junction.ui.workflows.designer.DesignerContract.NodeDiff;
import dev.junction.ui.workflows.designer.DesignerContract.VersionDiff;
import dev.junction.ui.workflows.designer.DesignerContract.MergeConflict;
import dev.junction.ui.workflows.designer.DesignerContract.LookupTableName;
import dev.junction.ui.workflows.designer.DesignerContract.Named;
import dev.junction.ui.workflows.designer.DesignerContract.Options;
import dev.junction.ui.workflows.designer.DesignerContract.Permissions;
import dev.junction.ui.workflows.designer.DesignerContract.Problem;
import dev.junction.ui.workflows.designer.DesignerContract.PublishResult;
import dev.junction.ui.workflows.designer.DesignerContract.Published;
import dev.junction.ui.workflows.designer.DesignerContract.Refused;
import dev.junction.ui.workflows.designer.DesignerContract.SaveResult;
import dev.junction.ui.workflows.designer.DesignerContract.Saved;
import dev.junction.ui.workflows.designer.DesignerContract.VersionInfo;
import dev.junction.ui.workflows.designer.DesignerContract.WorkflowInfo;
import dev.junction.ui.mappings.InitialDefinition;
import dev.junction.ui.mappings.editor.MapperContract;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the designer of one workflow does, without a browser: the states the page starts with, and the answers to
 * the designer's calls, each through the same secured, audited services as the REST API (which refuse whatever the
 * browser sends when the user may not). A refused change is recorded in the audit log and answered as
 * {@code refused}, never as a stack trace.
 */
public class DesignerPresenter {

    static final String NOT_ALLOWED = "You may not change this workflow: that needs the designer or admin role.";

    private final DesignerPresenters services;
    private final UUID workflowId;
    /** The run drawn over the canvas (its data is the designer's sample), or null. */
    private UUID shownRunId;

    DesignerPresenter(DesignerPresenters services, UUID workflowId) {
        this.services = services;
        this.workflowId = workflowId;
    }

    public UUID workflowId() {
        return workflowId;
    }

    /** The latest saved definition as plain JSON values (a workflow without versions: a manual trigger alone). */
    public Object document() {
        Workflow workflow = services.workflows.get(workflowId);
        WorkflowDefinition definition = workflow.latestVersion() < 1 ? WorkflowDefinition.initial()
                : services.versions.latest(workflowId).definition();
        return plain(definition);
    }

    public WorkflowInfo workflow() {
        Workflow workflow = services.workflows.get(workflowId);
        Integer base = workflow.latestVersion() < 1 ? null : workflow.latestVersion();
        return new WorkflowInfo(workflowId.toString(), workflow.name(), base, workflow.publishedVersion(),
                webhookUrl(workflow));
    }

    private String webhookUrl(Workflow workflow) {
        if (!mayEdit() || workflow.publishedVersion() == null || services.versions.get(workflowId,
                workflow.publishedVersion()).definition().trigger().kind() != TriggerKind.WEBHOOK) {
            return null;
        }
        return services.webhookAddress.url(workflowId, services.webhookTokens.token(workflowId));
    }

    /** The catalog the editors read (the same object {@code GET /api/v1/catalog} serializes). */
    public Object catalog() {
        return services.catalog.catalog();
    }

    /** The connections a connector node may use, never a secret; only designers and admins may list them. */
    public List<ConnectionInfo> connections() {
        if (!mayEdit()) {
            return List.of();
        }
        return services.connections.list().stream().map(DesignerPresenter::connection).toList();
    }

    private static ConnectionInfo connection(ConnectionView view) {
        return new ConnectionInfo(view.id(), view.name(), view.connectorId(), "sandbox".equals(view.environment()));
    }

    public Options options() {
        List<Named> mappings = services.mappings.list().stream()
                .map(mapping -> new Named(mapping.id().toString(), mapping.name())).toList();
        List<LookupTableName> tables = services.lookupTables.list().stream()
                .map(table -> new LookupTableName(table.name())).toList();
        List<Named> workflows = services.workflows.search(null, WorkflowSort.NAME, true, 0, 200).items().stream()
                .filter(other -> !other.id().equals(workflowId))
                .map(other -> new Named(other.id().toString(), other.name())).toList();
        return new Options(mappings, tables, workflows);
    }

    public Permissions permissions() {
        boolean edit = mayEdit();
        return new Permissions(edit, edit, CurrentUser.hasAnyRole(Role.ADMIN, Role.DESIGNER, Role.OPERATOR));
    }

    private boolean mayEdit() {
        return services.workflows.currentUserMayChange();
    }

    /** The problems of the working copy (its shape problems when it is not a definition at all). */
    public List<Problem> validate(String documentJson) {
        return Problem.of(services.versions.check(documentJson));
    }

    /**
     * Saves the working copy as a new version based on {@code baseVersion}. When someone saved after that base,
     * nothing is saved: the answer is the three-way merge of the base, this document and the latest version (every
     * edit of either side that does not overlap, "mine" at each conflict), also when there is no conflict at all, so
     * that the user sees what the other save changed before saving the merge on {@code theirsVersion}.
     */
    public SaveResult save(String documentJson, Integer baseVersion, String comment) {
        return save("save", documentJson, baseVersion, comment);
    }

    /**
     * Saves the definition of an older version as a new version based on {@code baseVersion} (a conflict like
     * {@link #save} when someone saved after that base).
     */
    public SaveResult restore(int version, Integer baseVersion) {
        StoredDefinition older;
        try {
            older = services.versions.get(workflowId, version);
        } catch (NotFoundException e) {
            return new Refused(e.getMessage(), List.of());
        }
        return save("restore", DefinitionJson.write(older.definition()), baseVersion, "Restored version " + version);
    }

    private SaveResult save(String method, String documentJson, Integer baseVersion, String comment) {
        return changing(method, () -> {
            try {
                StoredDefinition saved = services.versions.save(workflowId, baseVersion, documentJson, comment);
                return new Saved(saved.version().version(), plain(saved.definition()), Problem.of(saved.problems()));
            } catch (ConflictException stale) {
                return merge(documentJson, baseVersion);
            }
        }, () -> services.versions.check(documentJson), Refused::new);
    }

    private SaveResult merge(String documentJson, int baseVersion) {
        StoredDefinition base = services.versions.get(workflowId, baseVersion);
        StoredDefinition theirs = services.versions.latest(workflowId);
        DefinitionMerge.Result merge = DefinitionMerge.merge(plain(base.definition()),
                plain(DefinitionJson.read(documentJson)), plain(theirs.definition()));
        return new Conflict(theirs.version().version(), theirs.version().createdBy(), merge.merged(),
                merge.conflicts().stream().map(conflict -> new MergeConflict(conflict.key(), conflict.nodeId(),
                        conflict.path(), conflict.label(), conflict.base(), conflict.mine(), conflict.theirs()))
                        .toList());
    }

    /**
     * Makes a stored mapping for map node {@code nodeId} of the working copy — named after the workflow and node,
     * its schemas those around the node ({@link NodeContexts}: the feeding operation's output, the fed operation's
     * input; a shipped schema by its id) — sets the node's {@code config.mapping} to it, and saves the working copy
     * with that change on {@code baseVersion}. The answer says how the save went: the page opens the mapping editor
     * when it saved, else keeps the change in the working copy.
     */
    @SuppressWarnings("unchecked")
    public DesignerContract.NewMappingResult newMappingFromNode(String nodeId, String documentJson,
                                                                Integer baseVersion) {
        return changing("newMappingFromNode", () -> {
            Map<String, Object> document = documentObject(documentJson);
            Map<String, Object> node = mapNode(document, nodeId);
            Workflow workflow = services.workflows.get(workflowId);
            MapperContract.NodeContext context = services.nodeContexts.of(workflow, document, nodeId);
            String nodeName = node.get("name") instanceof String name && !name.isBlank() ? name : nodeId;
            dev.junction.db.mappings.StoredMapping created = services.mappings.create(
                    freeMappingName(workflow.name() + " · " + nodeName),
                    "Made from map node '" + nodeName + "' of workflow '" + workflow.name() + "'.",
                    InitialDefinition.of(services.nodeContexts.schemaReference(context.sourceSchema()),
                            services.nodeContexts.schemaReference(context.targetSchema())));
            Map<String, Object> config = node.get("config") instanceof Map<?, ?> current
                    ? new java.util.LinkedHashMap<>((Map<String, Object>) current) : new java.util.LinkedHashMap<>();
            config.put("mapping", created.id().toString());
            node.put("config", config);
            SaveResult saved = save(PayloadJson.write(document), baseVersion, "Map node '" + nodeName
                    + "' uses the new mapping '" + created.name() + "'");
            return new DesignerContract.MappingCreated(created.id().toString(), created.name(), saved);
        }, List::of, Refused::new);
    }

    /** {@code wanted}, or {@code wanted 2}, {@code wanted 3}… : the first no mapping has (names ignore case). */
    private String freeMappingName(String wanted) {
        String base = wanted.length() > 110 ? wanted.substring(0, 110) : wanted;
        String name = base;
        for (int n = 2; services.mappings.findByName(name).isPresent(); n++) {
            name = base + " " + n;
        }
        return name;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> documentObject(String documentJson) {
        try {
            if (documentJson != null && PayloadJson.read(documentJson) instanceof Map<?, ?> document) {
                return (Map<String, Object>) document;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new InvalidInputException("document", "must be the workflow definition, as a JSON object");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapNode(Map<String, Object> document, String nodeId) {
        if (document.get("nodes") instanceof List<?> nodes) {
            for (Object node : nodes) {
                if (node instanceof Map<?, ?> map && Objects.equals(map.get("id"), nodeId)
                        && "map".equals(map.get("type"))) {
                    return (Map<String, Object>) map;
                }
            }
        }
        throw new InvalidInputException("nodeId", "must name a map node of the workflow, not '" + nodeId + "'");
    }

    public PublishResult publish(int version) {
        return changing("publish", () -> {
            services.versions.publish(workflowId, version);
            return new Published(version);
        }, () -> services.versions.get(workflowId, version).problems(), Refused::new);
    }

    /** What changed from version {@code from} to version {@code to}, node by node and field by field. */
    public VersionDiff diff(int from, int to) {
        WorkflowDefinition before = services.versions.get(workflowId, from).definition();
        WorkflowDefinition after = services.versions.get(workflowId, to).definition();
        Map<String, Object> fromDocument = plain(before);
        Map<String, Object> toDocument = plain(after);
        DefinitionDiff diff = DefinitionDiff.between(before, after);
        Map<String, Map<String, Object>> fromNodes = nodes(fromDocument);
        Map<String, Map<String, Object>> toNodes = nodes(toDocument);
        List<NodeDiff> nodes = new java.util.ArrayList<>();
        if (diff.triggerChanged()) {
            nodes.add(new NodeDiff("trigger", "changed", fields(object(fromDocument.get("trigger")),
                    object(toDocument.get("trigger")))));
        }
        diff.addedNodes().forEach(id -> nodes.add(new NodeDiff(id, "added", List.of())));
        diff.removedNodes().forEach(id -> nodes.add(new NodeDiff(id, "removed", List.of())));
        diff.changedNodes().forEach(id -> nodes.add(new NodeDiff(id, "changed",
                fields(fromNodes.get(id), toNodes.get(id)))));
        diff.movedNodes().forEach(id -> nodes.add(new NodeDiff(id, "moved", fields(fromNodes.get(id), toNodes.get(id)))));
        return new VersionDiff(from, to, fromDocument, toDocument, diff.triggerChanged(), nodes,
                diff.addedEdges().stream().map(DesignerPresenter::edge).toList(),
                diff.removedEdges().stream().map(DesignerPresenter::edge).toList());
    }

    private static List<FieldDiff> fields(Map<String, Object> before, Map<String, Object> after) {
        return FieldChanges.between(before, after).stream()
                .map(change -> new FieldDiff(change.path(), change.before(), change.after())).toList();
    }

    private static EdgeInfo edge(Edge edge) {
        return new EdgeInfo(edge.from(), edge.fromPort(), edge.to());
    }

    private static Map<String, Map<String, Object>> nodes(Map<String, Object> document) {
        Map<String, Map<String, Object>> nodes = new java.util.LinkedHashMap<>();
        if (document.get("nodes") instanceof List<?> list) {
            list.forEach(node -> nodes.put(String.valueOf(object(node).get("id")), object(node)));
        }
        return nodes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
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
        SampleScopes.SampleScope sample = services.sampleScopes.of(workflowId, shownRunId);
        ExpressionSession.Scope scope = sample.scope();
        java.util.Set<String> upstream = Upstream.of(documentJson, nodeId);
        if (upstream != null) {
            Map<String, Object> nodes = new java.util.LinkedHashMap<>();
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

    /** The next five fire times of a cron expression in a zone, by the parser the schedule triggers use. */
    public DesignerContract.CronPreview cronPreview(String cron, String zone) {
        try {
            return DesignerContract.CronPreview.times(CronPreview.next(cron, zone, java.time.Instant.now(), 5).stream()
                    .map(time -> time.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)).toList());
        } catch (IllegalArgumentException e) {
            return DesignerContract.CronPreview.error(e.getMessage());
        }
    }

    /**
     * Draws a run of this workflow over the canvas (its data becomes the designer's sample), or clears it (null);
     * answers the overlay (null when cleared).
     */
    public DesignerContract.Overlay showRun(UUID runId) {
        if (runId == null) {
            shownRunId = null;
            return null;
        }
        RunDetail detail = run(runId);
        shownRunId = runId;
        return RunOverlays.of(detail, services.versions.get(workflowId, detail.run().workflowVersion()).definition());
    }

    static final String MAY_NOT_RUN = "You may not run this workflow: that needs the operator, designer or admin role.";

    /**
     * Starts a test run of the saved version {@code version} (published or not) with {@code input} (null: the
     * pinned trigger sample, else {}); {@code untilNodeId} stops it after that node ("run to here"). Started, the
     * run is the one shown over the canvas. A refusal names the problem; a role that may not run is recorded like
     * the other refused designer calls.
     */
    public DesignerContract.StartResult testRun(Integer version, Object input, String untilNodeId) {
        if (version == null) {
            return new Refused("Name the saved version to test", List.of());
        }
        try {
            UUID runId = services.runs.startTest(workflowId, version, input, untilNodeId);
            shownRunId = runId;
            return new DesignerContract.Started(runId.toString());
        } catch (AccessDeniedException e) {
            services.versions.recordRefusedEdit(workflowId, "testRun");
            return new Refused(MAY_NOT_RUN, List.of());
        } catch (InvalidInputException e) {
            return new Refused(e.getMessage(), e.problems().stream()
                    .map(problem -> new Problem(null, null, problem.field(), problem.message())).toList());
        } catch (NotFoundException e) {
            return new Refused(e.getMessage(), List.of());
        }
    }

    /** The shown run's overlay as it is now, or null when none is shown. */
    public DesignerContract.Overlay overlay() {
        return shownRunId == null ? null : showRun(shownRunId);
    }

    private RunDetail run(UUID runId) {
        RunDetail detail = services.runs.get(runId);
        if (!detail.run().workflowId().equals(workflowId)) {
            throw new NotFoundException("Run " + runId + " is not a run of this workflow");
        }
        return detail;
    }

    /**
     * What went into and out of a node: from the run's step records (the run given, else the shown one, else the
     * workflow's latest), trimmed to {@value #NODE_DATA_MAX_CHARACTERS} characters of JSON; else its pinned sample
     * (output) and the pinned sample of its one predecessor (input); else the schema its operation describes.
     */
    public DesignerContract.NodeData nodeData(String nodeId, UUID runId) {
        UUID source = runId != null ? runId : shownRunId != null ? shownRunId
                : services.sampleScopes.of(workflowId, null).runId();
        if (source != null) {
            RunDetail detail = run(source);
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
        java.util.Optional<dev.junction.backend.catalog.Catalog.Operation> operation = operation(definition, nodeId);
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

    static final int NODE_DATA_MAX_CHARACTERS = 16_384;

    private static DesignerContract.Side trimmed(String source, String port, Object value) {
        String json = PayloadJson.write(value);
        if (json.length() <= NODE_DATA_MAX_CHARACTERS) {
            return new DesignerContract.Side(source, port, value, null, null);
        }
        return new DesignerContract.Side(source, port, json.substring(0, NODE_DATA_MAX_CHARACTERS), null, true);
    }

    /** The catalog's operation a connector node calls (its connection's connector, its operation id). */
    private java.util.Optional<dev.junction.backend.catalog.Catalog.Operation> operation(WorkflowDefinition definition,
                                                                                          String nodeId) {
        return definition.node(nodeId).filter(node -> "connector".equals(node.type()))
                .flatMap(node -> connector(node.config().get("connection")).flatMap(connector ->
                        services.catalog.catalog().connectors().stream().filter(c -> c.id().equals(connector))
                                .flatMap(c -> c.operations().stream())
                                .filter(op -> op.id().equals(node.config().get("operation"))).findFirst()));
    }

    private java.util.Optional<String> connector(Object connectionId) {
        if (!(connectionId instanceof String id) || !mayEdit()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(services.connections.get(id).connectorId());
        } catch (NotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    /** The pinned samples, by node id then port. */
    public Map<String, Map<String, Object>> samples() {
        return services.samples.samples(workflowId);
    }

    /** Pins a sample on a node's output port (null unpins); empty when done, else why not. */
    public java.util.Optional<Refused> pin(String nodeId, String port, Object sample) {
        return changing("pin", () -> {
            services.samples.pin(workflowId, nodeId, port, sample);
            return java.util.Optional.<Refused>empty();
        }, List::of, (message, problems) -> java.util.Optional.of(new Refused(message, problems)));
    }

    /** The versions, newest first. */
    public List<VersionInfo> versions() {
        Integer published = services.workflows.get(workflowId).publishedVersion();
        return services.versions.list(workflowId).stream()
                .sorted((a, b) -> Integer.compare(b.version(), a.version()))
                .map(version -> versionInfo(version, published)).toList();
    }

    private static VersionInfo versionInfo(WorkflowVersion version, Integer published) {
        return new VersionInfo(version.version(), version.comment(), version.createdBy(),
                version.createdAt().toString(), Objects.equals(published, version.version()));
    }

    /**
     * Runs a change; a refusal by the service's security is recorded and answered, a refusal of the input is
     * answered with the problems the service named.
     */
    <T> T changing(String method, Supplier<T> change, Supplier<List<DefinitionProblem>> definitionProblems,
                   RefusalAnswer<T> refused) {
        try {
            return change.get();
        } catch (AccessDeniedException e) {
            services.versions.recordRefusedEdit(workflowId, method);
            return refused.answer(NOT_ALLOWED, List.of());
        } catch (InvalidInputException e) {
            String message = e.problems().stream().map(Object::toString).reduce((a, b) -> a + "; " + b)
                    .orElse("the input is not acceptable");
            return refused.answer(message, problems(e, definitionProblems));
        } catch (ConflictException | NotFoundException e) {
            return refused.answer(e.getMessage(), List.of());
        }
    }

    /**
     * The problems of a refused input: the definition's own (with their nodes) when the refusal names fields of the
     * definition, and the other fields (baseVersion, comment) as problems of the whole.
     */
    private static List<Problem> problems(InvalidInputException e, Supplier<List<DefinitionProblem>> definition) {
        boolean aboutDefinition = e.problems().stream().anyMatch(problem -> problem.field().startsWith("definition"));
        List<Problem> others = e.problems().stream().filter(problem -> !problem.field().startsWith("definition"))
                .map(problem -> new Problem(null, null, problem.field(), problem.message())).toList();
        if (!aboutDefinition) {
            return others;
        }
        return java.util.stream.Stream.concat(Problem.of(definition.get()).stream(), others.stream()).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> plain(WorkflowDefinition definition) {
        return (Map<String, Object>) PayloadJson.read(DefinitionJson.write(definition));
    }

    @FunctionalInterface
    interface RefusalAnswer<T> {
        T answer(String message, List<Problem> problems);
    }
}
