package dev.junction.ui.workflows.designer;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.connections.ConnectionView;
import dev.junction.backend.security.CurrentUser;
import dev.junction.backend.workflows.StoredDefinition;
import dev.junction.db.users.Role;
import dev.junction.db.workflows.Workflow;
import dev.junction.db.workflows.WorkflowSort;
import dev.junction.db.workflows.WorkflowVersion;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.DefinitionProblem;
import dev.junction.engine.definition.TriggerKind;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.engine.json.PayloadJson;
import dev.junction.ui.workflows.designer.DesignerContract.ConnectionInfo;
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
import org.springframework.security.access.AccessDeniedException;

import java.util.List;
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

    /** Saves the working copy as a new version based on {@code baseVersion}. */
    public SaveResult save(String documentJson, Integer baseVersion, String comment) {
        return changing("save", () -> {
            StoredDefinition saved = services.versions.save(workflowId, baseVersion, documentJson, comment);
            return new Saved(saved.version().version(), plain(saved.definition()), Problem.of(saved.problems()));
        }, () -> services.versions.check(documentJson), Refused::new);
    }

    public PublishResult publish(int version) {
        return changing("publish", () -> {
            services.versions.publish(workflowId, version);
            return new Published(version);
        }, () -> services.versions.get(workflowId, version).problems(), Refused::new);
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

    static Object plain(WorkflowDefinition definition) {
        return PayloadJson.read(DefinitionJson.write(definition));
    }

    @FunctionalInterface
    interface RefusalAnswer<T> {
        T answer(String message, List<Problem> problems);
    }
}
