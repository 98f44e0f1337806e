package dev.junction.ui.workflows.designer;

import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.workflows.StoredDefinition;
import dev.junction.db.workflows.WorkflowVersion;
import dev.junction.engine.definition.DefinitionDiff;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.Edge;
import dev.junction.engine.definition.FieldChanges;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.ui.workflows.designer.DesignerContract.EdgeInfo;
import dev.junction.ui.workflows.designer.DesignerContract.FieldDiff;
import dev.junction.ui.workflows.designer.DesignerContract.NodeDiff;
import dev.junction.ui.workflows.designer.DesignerContract.PublishResult;
import dev.junction.ui.workflows.designer.DesignerContract.Published;
import dev.junction.ui.workflows.designer.DesignerContract.Refused;
import dev.junction.ui.workflows.designer.DesignerContract.SaveResult;
import dev.junction.ui.workflows.designer.DesignerContract.VersionDiff;
import dev.junction.ui.workflows.designer.DesignerContract.VersionInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static dev.junction.ui.workflows.designer.EditingPresenter.plain;

/** One workflow's versions in the designer: the history, the difference of two, restoring one, publishing one. */
public final class VersionsPresenter {

    private final DesignerPresenters services;
    private final UUID workflowId;
    private final Refusals refusals;
    private final EditingPresenter editing;

    VersionsPresenter(DesignerPresenters services, UUID workflowId, Refusals refusals, EditingPresenter editing) {
        this.services = services;
        this.workflowId = workflowId;
        this.refusals = refusals;
        this.editing = editing;
    }

    /** The versions, newest first. */
    public List<VersionInfo> list() {
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
     * Saves the definition of an older version as a new version based on {@code baseVersion} (a conflict like
     * {@link EditingPresenter#save} when someone saved after that base).
     */
    public SaveResult restore(int version, Integer baseVersion) {
        return restoring(version, baseVersion).answer();
    }

    /** {@link #restore}, with the version it saved (null when it saved none) for what the page redraws. */
    EditingPresenter.Saving restoring(int version, Integer baseVersion) {
        StoredDefinition older;
        try {
            older = services.versions.get(workflowId, version);
        } catch (NotFoundException e) {
            return new EditingPresenter.Saving(new Refused(e.getMessage(), List.of()), null);
        }
        return editing.saving("restore", DefinitionJson.write(older.definition()), baseVersion,
                "Restored version " + version);
    }

    public PublishResult publish(int version) {
        return refusals.changing("publish", () -> {
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
        List<NodeDiff> nodes = new ArrayList<>();
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
                diff.addedEdges().stream().map(VersionsPresenter::edge).toList(),
                diff.removedEdges().stream().map(VersionsPresenter::edge).toList());
    }

    private static List<FieldDiff> fields(Map<String, Object> before, Map<String, Object> after) {
        return FieldChanges.between(before, after).stream()
                .map(change -> new FieldDiff(change.path(), change.before(), change.after())).toList();
    }

    private static EdgeInfo edge(Edge edge) {
        return new EdgeInfo(edge.from(), edge.fromPort(), edge.to());
    }

    private static Map<String, Map<String, Object>> nodes(Map<String, Object> document) {
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        if (document.get("nodes") instanceof List<?> list) {
            list.forEach(node -> nodes.put(String.valueOf(object(node).get("id")), object(node)));
        }
        return nodes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
