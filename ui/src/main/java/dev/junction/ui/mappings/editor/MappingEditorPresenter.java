package dev.junction.ui.mappings.editor;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.mappings.MappingPreviewService;
import dev.junction.backend.mappings.MappingService;
import dev.junction.backend.mappings.MappingSuggestionService;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.lookups.LookupTable;
import dev.junction.db.mappings.MappingVersion;
import dev.junction.db.mappings.StoredMapping;
import dev.junction.db.users.Role;
import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.mapping.MappingDiff;
import dev.junction.ui.mappings.editor.MapperContract.ConnectionInfo;
import dev.junction.ui.mappings.editor.MapperContract.LookupTableInfo;
import dev.junction.ui.mappings.editor.MapperContract.MappingInfo;
import dev.junction.ui.mappings.editor.MapperContract.MappingProblemInfo;
import dev.junction.ui.mappings.editor.MapperContract.Permissions;
import dev.junction.ui.mappings.editor.MapperContract.PreviewField;
import dev.junction.ui.mappings.editor.MapperContract.PreviewResult;
import dev.junction.ui.mappings.editor.MapperContract.PublishResult;
import dev.junction.ui.mappings.editor.MapperContract.RuleDiff;
import dev.junction.ui.mappings.editor.MapperContract.SaveResult;
import dev.junction.ui.mappings.editor.MapperContract.VersionDiff;
import dev.junction.ui.mappings.editor.MapperContract.VersionInfo;
import org.springframework.security.access.AccessDeniedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one stored mapping's editor asks of the server, answered with the shapes of {@link MapperContract}: the states
 * the page starts with, and each {@code @ClientCallable} of {@link MappingEditorComponent}. Every change goes through
 * the same secured, audited services as the REST API; a refusal is an answer naming why, never an exception.
 */
public class MappingEditorPresenter {

    private static final String NOT_ALLOWED = "Your role may not change mappings.";

    private final MappingEditorPresenters services;
    private final UUID mappingId;

    MappingEditorPresenter(MappingEditorPresenters services, UUID mappingId) {
        this.services = services;
        this.mappingId = mappingId;
    }

    public UUID mappingId() {
        return mappingId;
    }

    /** Samples and schemas: parse, infer, generate, fetch from a connection, recent runs. */
    public MappingSamplesPresenter samples() {
        return new MappingSamplesPresenter(services.samples, services.connectionSamples, services.runSamples,
                mappingId);
    }

    /** The saved test cases: list, save, delete, run on the working copy. */
    public MappingTestCasesPresenter testCases() {
        return new MappingTestCasesPresenter(services.testCases, mappingId);
    }

    /** The latest version's definition, as plain JSON values. */
    public Object document() {
        StoredMapping mapping = services.mappings.get(mappingId);
        return MappingKeyOrder.document(PayloadJson.read(services.mappings.version(mappingId,
                mapping.latestVersion()).version().definition()));
    }

    public MappingInfo mapping() {
        StoredMapping mapping = services.mappings.get(mappingId);
        return new MappingInfo(mapping.id().toString(), mapping.name(), mapping.description(),
                mapping.latestVersion(), mapping.latestVersion(), mapping.publishedVersion());
    }

    public Object catalog() {
        return services.catalog.catalog();
    }

    public List<LookupTableInfo> lookupTables() {
        return services.lookupTables.list().stream().map(table -> new LookupTableInfo(table.name(),
                table.description(), LookupTable.policyName(table.missingKey()), table.entries())).toList();
    }

    /** The connections a sample may be fetched from (never a secret); only designers and admins see them. */
    public List<ConnectionInfo> connections() {
        if (!mayEdit()) {
            return List.of();
        }
        return services.connections.list().stream().map(view -> new ConnectionInfo(view.id(), view.name(),
                view.connectorId(), "sandbox".equals(view.environment()))).toList();
    }

    public Permissions permissions() {
        boolean edit = mayEdit();
        return new Permissions(edit, edit);
    }

    boolean mayEdit() {
        return CurrentUser.hasAnyRole(Role.ADMIN, Role.DESIGNER);
    }

    /** The working copy run on a sample; a mapping that does not compile answers its problems. */
    public PreviewResult preview(Object document, Object sample) {
        if (!(document instanceof Map<?, ?> mapping)) {
            return new PreviewResult(false, null, List.of(), List.of(new MappingProblemInfo("ERROR", "WrongType",
                    "", "the mapping must be a JSON object", "definition")));
        }
        MappingPreviewService.Answer answer = services.previews.preview(mapping, sample);
        return new PreviewResult(answer.compiled(), answer.output(),
                answer.fields().stream().map(PreviewField::of).toList(),
                MappingProblemInfo.of(answer.problems(), answer.compiled() ? "output" : "definition"));
    }

    /** Saves the working copy as a new version based on {@code baseVersion}. */
    @SuppressWarnings("unchecked")
    public SaveResult save(Object document, Integer baseVersion, String comment) {
        if (!(document instanceof Map<?, ?> definition)) {
            return SaveResult.refused("The mapping must be a JSON object.");
        }
        if (baseVersion == null) {
            return SaveResult.refused("baseVersion is required: the version the working copy was loaded from.");
        }
        return changing(() -> {
            MappingService.CheckedVersion saved = services.mappings.save(mappingId, baseVersion,
                    (Map<String, Object>) definition, comment);
            return SaveResult.saved(saved.version().version(),
                    MappingProblemInfo.of(saved.problems(), "definition"),
                    MappingKeyOrder.document(PayloadJson.read(saved.version().definition())));
        });
    }

    /** Saves an older version's definition as a new version on top of {@code baseVersion}. */
    public SaveResult restore(Integer version, Integer baseVersion) {
        if (version == null) {
            return SaveResult.refused("version is required: the version to restore.");
        }
        Object older;
        try {
            older = PayloadJson.read(services.mappings.version(mappingId, version).version().definition());
        } catch (NotFoundException e) {
            return SaveResult.refused(e.getMessage());
        }
        return save(older, baseVersion, "Restored version " + version);
    }

    private SaveResult changing(java.util.function.Supplier<SaveResult> change) {
        try {
            return change.get();
        } catch (AccessDeniedException e) {
            return SaveResult.refused(NOT_ALLOWED);
        } catch (ConflictException e) {
            return SaveResult.conflict(e.getMessage(), services.mappings.get(mappingId).latestVersion());
        } catch (InvalidInputException e) {
            return SaveResult.refused(message(e));
        } catch (NotFoundException e) {
            return SaveResult.refused(e.getMessage());
        }
    }

    public PublishResult publish(Integer version) {
        if (version == null) {
            return new PublishResult("refused", null, "version is required: the saved version to publish.", List.of());
        }
        try {
            services.mappings.publish(mappingId, version);
            return new PublishResult("published", version, null, List.of());
        } catch (AccessDeniedException e) {
            return new PublishResult("refused", null, NOT_ALLOWED, List.of());
        } catch (InvalidInputException e) {
            List<MappingProblemInfo> problems = e.problems().stream().map(problem -> new MappingProblemInfo("ERROR",
                    "Definition", problem.field().replaceFirst("^definition\\.", ""), problem.message(),
                    "definition")).toList();
            return new PublishResult("refused", null, "Version " + version + " has " + problems.size()
                    + (problems.size() == 1 ? " error" : " errors") + ": fix them and save before publishing.",
                    problems);
        } catch (NotFoundException | ConflictException e) {
            return new PublishResult("refused", null, e.getMessage(), List.of());
        }
    }

    public List<VersionInfo> versions() {
        Integer published = services.mappings.get(mappingId).publishedVersion();
        return services.mappings.versions(mappingId).stream().sorted((a, b) -> b.version() - a.version())
                .map(version -> versionInfo(version, published)).toList();
    }

    private static VersionInfo versionInfo(MappingVersion version, Integer published) {
        return new VersionInfo(version.version(), version.comment(), version.createdBy(),
                version.createdAt().toInstant().toString(), published != null && published == version.version());
    }

    public Object versionDocument(int version) {
        return MappingKeyOrder.document(PayloadJson.read(services.mappings.version(mappingId, version).version()
                .definition()));
    }

    /** The rule-level diff from version {@code from} to version {@code to}. */
    public VersionDiff diff(int from, int to) {
        MappingDiff diff = services.mappings.diff(mappingId, from, to);
        Map<String, Object> before = rulesByTarget(versionDocument(from));
        Map<String, Object> after = rulesByTarget(versionDocument(to));
        List<RuleDiff> rules = new ArrayList<>();
        diff.addedRules().forEach(target -> rules.add(new RuleDiff("added", target, null, after.get(target))));
        diff.removedRules().forEach(target -> rules.add(new RuleDiff("removed", target, before.get(target), null)));
        diff.changedRules().forEach(changed -> rules.add(new RuleDiff("changed", changed.target(), changed.before(),
                changed.after())));
        return new VersionDiff(from, to, diff.sourceChanged(), diff.targetChanged(), rules);
    }

    /** Each rule of a document by its target path (nested rules as {@code parent[].child}, as the diff names them). */
    private static Map<String, Object> rulesByTarget(Object document) {
        Map<String, Object> byTarget = new java.util.HashMap<>();
        if (document instanceof Map<?, ?> map && map.get("rules") instanceof List<?> rules) {
            collect(rules, "", byTarget);
        }
        return byTarget;
    }

    private static void collect(List<?> rules, String prefix, Map<String, Object> byTarget) {
        for (Object rule : rules) {
            if (rule instanceof Map<?, ?> map && map.get("target") instanceof String target) {
                byTarget.put(prefix + target, rule);
                if (map.get("rules") instanceof List<?> inner) {
                    collect(inner, prefix + target + "[].", byTarget);
                }
            }
        }
    }

    /** Auto-map suggestions between the two schemas (ids or JSON Schemas); a refusal answers no suggestions. */
    public Object suggest(Object source, Object target) {
        try {
            return services.suggestions.suggest(source, target);
        } catch (InvalidInputException e) {
            return Map.of("suggestions", List.of(), "rules", List.of(), "error", message(e));
        } catch (AccessDeniedException e) {
            return Map.of("suggestions", List.of(), "rules", List.of(), "error", NOT_ALLOWED);
        }
    }

    static String message(InvalidInputException e) {
        return e.problems().isEmpty() ? e.getMessage() : String.join("; ", e.problems().stream()
                .map(problem -> problem.field() + ": " + problem.message()).toList());
    }
}
