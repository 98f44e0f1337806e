package dev.junction.ui.workflows.designer;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.connections.ConnectionView;
import dev.junction.backend.security.CurrentUser;
import dev.junction.backend.workflows.StoredDefinition;
import dev.junction.db.mappings.StoredMapping;
import dev.junction.db.users.Role;
import dev.junction.db.workflows.Workflow;
import dev.junction.db.workflows.WorkflowSort;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.DefinitionMerge;
import dev.junction.engine.definition.TriggerKind;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.engine.json.PayloadJson;
import dev.junction.ui.mappings.InitialDefinition;
import dev.junction.ui.mappings.editor.MapperContract;
import dev.junction.ui.workflows.designer.DesignerContract.Conflict;
import dev.junction.ui.workflows.designer.DesignerContract.ConnectionInfo;
import dev.junction.ui.workflows.designer.DesignerContract.LookupTableName;
import dev.junction.ui.workflows.designer.DesignerContract.MappingCreated;
import dev.junction.ui.workflows.designer.DesignerContract.MergeConflict;
import dev.junction.ui.workflows.designer.DesignerContract.Named;
import dev.junction.ui.workflows.designer.DesignerContract.NewMappingResult;
import dev.junction.ui.workflows.designer.DesignerContract.Options;
import dev.junction.ui.workflows.designer.DesignerContract.Permissions;
import dev.junction.ui.workflows.designer.DesignerContract.Problem;
import dev.junction.ui.workflows.designer.DesignerContract.Refused;
import dev.junction.ui.workflows.designer.DesignerContract.SaveResult;
import dev.junction.ui.workflows.designer.DesignerContract.Saved;
import dev.junction.ui.workflows.designer.DesignerContract.WorkflowInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Editing one workflow in the designer: the states the page starts with (the latest definition, the workflow, the
 * catalog, connections, pickers' options, the user's permissions), checking the working copy, saving it (a
 * three-way merge when someone saved after its base), and a new stored mapping made from a map node.
 */
public final class EditingPresenter {

    private final DesignerPresenters services;
    private final UUID workflowId;
    private final Refusals refusals;

    EditingPresenter(DesignerPresenters services, UUID workflowId, Refusals refusals) {
        this.services = services;
        this.workflowId = workflowId;
        this.refusals = refusals;
    }

    /** The latest saved definition as plain JSON values (a workflow without versions: a manual trigger alone). */
    public Object document() {
        return opening().document();
    }

    /**
     * The latest saved definition as plain JSON values, and what the validator says of it (read and validated once):
     * the page shows the problems at once instead of sending the document back to be validated again.
     */
    public Opening opening() {
        Workflow workflow = services.workflows.get(workflowId);
        if (workflow.latestVersion() < 1) {
            WorkflowDefinition initial = WorkflowDefinition.initial();
            return new Opening(plain(initial), Problem.of(services.versions.check(DefinitionJson.write(initial))));
        }
        StoredDefinition latest = services.versions.latest(workflowId);
        return new Opening(plain(latest.definition()), Problem.of(latest.problems()));
    }

    /** What the page opens on: the document, and its problems. */
    public record Opening(Object document, List<Problem> problems) {
    }

    public WorkflowInfo workflow() {
        Workflow workflow = services.workflows.get(workflowId);
        Integer base = workflow.latestVersion() < 1 ? null : workflow.latestVersion();
        return new WorkflowInfo(workflowId.toString(), workflow.name(), base, workflow.publishedVersion(),
                webhookUrl(workflow));
    }

    /** What the go-live checklist says against publishing the latest saved version (null before the first save). */
    public DesignerContract.PublishGate publishGate() {
        int latest = services.workflows.get(workflowId).latestVersion();
        if (latest < 1) {
            return null;
        }
        return gate(latest, services.versions.publishRefusals(workflowId, latest));
    }

    /** {@link #publishGate()} of the version this page has just saved, as the save read and validated it. */
    DesignerContract.PublishGate publishGate(StoredDefinition saved) {
        return gate(saved.version().version(), services.versions.publishRefusals(saved));
    }

    private static DesignerContract.PublishGate gate(int version, List<InvalidInputException.FieldProblem> refusals) {
        return new DesignerContract.PublishGate(version, refusals.stream()
                .map(InvalidInputException.FieldProblem::message).toList());
    }

    private String webhookUrl(Workflow workflow) {
        if (!mayEdit() || workflow.publishedVersion() == null || services.versions.get(workflowId,
                workflow.publishedVersion()).definition().trigger().kind() != TriggerKind.WEBHOOK) {
            return null;
        }
        return services.webhookAddress.url(workflowId, services.webhookTokens.token(workflowId));
    }

    /**
     * The part of the catalog the designer opens with: node kinds, trigger kinds and connectors with their operations,
     * the operations without their input and output schemas ({@link #operationSchemas}: asked for when the page needs
     * them; they were most of the catalog's 111 KB in every opening's first message). The mapping editor's parts
     * (functions, value maps, named schemas) are sent as empty lists: the designer reads none of them (another 58 KB).
     */
    public Object catalog() {
        return services.designerCatalog();
    }

    /**
     * The schemas of the operations the page names (unknown ones, and names given twice, are left out; at most
     * {@value #SCHEMAS_PER_ASK} per ask).
     */
    public List<DesignerContract.OperationSchemas> operationSchemas(List<DesignerContract.OperationKey> operations) {
        return operations.stream().filter(Objects::nonNull).distinct().limit(SCHEMAS_PER_ASK)
                .map(key -> services.operationSchemas(key.connector(), key.operation()))
                .flatMap(java.util.Optional::stream).toList();
    }

    static final int SCHEMAS_PER_ASK = 100;

    /** The connections a connector node may use, never a secret; only designers and admins may list them. */
    public List<ConnectionInfo> connections() {
        if (!mayEdit()) {
            return List.of();
        }
        return services.connections.list().stream().map(EditingPresenter::connection).toList();
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
     * {@link #save(String, Integer, String)} of the browser's working copy: the answer carries no document (the
     * browser keeps its own, which reads as exactly the definition stored: the save read it from that very text;
     * for a 500-step workflow that is about 100 KB less to write, send and parse twice on each save).
     */
    public SaveResult saveWorkingCopy(String documentJson, Integer baseVersion, String comment) {
        return savingWorkingCopy(documentJson, baseVersion, comment).answer();
    }

    /** {@link #saveWorkingCopy}, with the version it saved (null when it saved none) for what the page redraws. */
    Saving savingWorkingCopy(String documentJson, Integer baseVersion, String comment) {
        return saving("save", documentJson, baseVersion, comment, false);
    }

    /** {@link #save(String, Integer, String)} for the designer's call {@code method} (its name in the audit log). */
    SaveResult save(String method, String documentJson, Integer baseVersion, String comment) {
        return saving(method, documentJson, baseVersion, comment).answer();
    }

    /** {@link #save(String, String, Integer, String)}, with the version it saved (null when it saved none). */
    Saving saving(String method, String documentJson, Integer baseVersion, String comment) {
        return saving(method, documentJson, baseVersion, comment, true);
    }

    /**
     * A save's answer for the page, and the version it saved as the save read and validated it (null: refused, or a
     * merge to look at first): what the page draws again after a save (the version badge, the go-live checklist) is
     * handed that version, not read and validated again.
     */
    record Saving(SaveResult answer, StoredDefinition saved) {
    }

    private Saving saving(String method, String documentJson, Integer baseVersion, String comment,
                          boolean answerDocument) {
        return refusals.changing(method, () -> {
            try {
                StoredDefinition saved = services.versions.save(workflowId, baseVersion, documentJson, comment);
                Object document = answerDocument ? plain(saved.definition()) : null;
                return new Saving(new Saved(saved.version().version(), document, Problem.of(saved.problems())),
                        saved);
            } catch (ConflictException stale) {
                return new Saving(merge(documentJson, baseVersion), null);
            }
        }, () -> services.versions.check(documentJson),
                (message, problems) -> new Saving(new Refused(message, problems), null));
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
     * its schemas those around the node ({@link dev.junction.ui.mappings.editor.NodeContexts}: the feeding
     * operation's output, the fed operation's input; a shipped schema by its id) — sets the node's
     * {@code config.mapping} to it, and saves the working copy with that change on {@code baseVersion}. The answer
     * says how the save went: the page opens the mapping editor when it saved, else keeps the change in the working
     * copy.
     */
    @SuppressWarnings("unchecked")
    public NewMappingResult newMappingFromNode(String nodeId, String documentJson, Integer baseVersion) {
        return refusals.changing("newMappingFromNode", () -> {
            Map<String, Object> document = documentObject(documentJson);
            Map<String, Object> node = mapNode(document, nodeId);
            Workflow workflow = services.workflows.get(workflowId);
            MapperContract.NodeContext context = services.nodeContexts.of(workflow, document, nodeId);
            String nodeName = node.get("name") instanceof String name && !name.isBlank() ? name : nodeId;
            StoredMapping created = services.mappings.create(
                    freeMappingName(workflow.name() + " · " + nodeName),
                    "Made from map node '" + nodeName + "' of workflow '" + workflow.name() + "'.",
                    InitialDefinition.of(services.nodeContexts.schemaReference(context.sourceSchema()),
                            services.nodeContexts.schemaReference(context.targetSchema())));
            Map<String, Object> config = node.get("config") instanceof Map<?, ?> current
                    ? new LinkedHashMap<>((Map<String, Object>) current) : new LinkedHashMap<>();
            config.put("mapping", created.id().toString());
            node.put("config", config);
            SaveResult saved = save(PayloadJson.write(document), baseVersion, "Map node '" + nodeName
                    + "' uses the new mapping '" + created.name() + "'");
            return new MappingCreated(created.id().toString(), created.name(), saved);
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

    /** A definition as the plain JSON values the page works on. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> plain(WorkflowDefinition definition) {
        return (Map<String, Object>) PayloadJson.read(DefinitionJson.write(definition));
    }
}
