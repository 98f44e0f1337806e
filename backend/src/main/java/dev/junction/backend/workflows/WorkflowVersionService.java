package dev.junction.backend.workflows;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.workflows.Workflow;
import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.db.workflows.WorkflowVersion;
import dev.junction.db.workflows.WorkflowVersionRepository;
import dev.junction.engine.definition.DefinitionDiff;
import dev.junction.engine.definition.DefinitionFormatException;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.DefinitionProblem;
import dev.junction.engine.definition.DefinitionValidator;
import dev.junction.engine.mapping.MappingCompiler;
import dev.junction.engine.definition.ExpressionSyntax;
import dev.junction.engine.definition.NotifyChannels;
import dev.junction.engine.definition.OperationCatalog;
import dev.junction.engine.definition.WorkflowDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Versions of a workflow's definition: each save is a new immutable version based on the latest one (refused,
 * naming who saved since, when it is not); one version is published; an older one can be published again as a
 * new version (rollback); two versions can be compared. Drafts may have problems; a published version has none.
 */
@Service
@Transactional
public class WorkflowVersionService {

    public static final int COMMENT_MAX_LENGTH = 500;
    private static final String MAY_CHANGE = "hasAnyRole('ADMIN', 'DESIGNER')";

    private final WorkflowRepository workflows;
    private final WorkflowVersionRepository versions;
    private final DefinitionValidator validator;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<PublishGate> publishGates;

    WorkflowVersionService(WorkflowRepository workflows, WorkflowVersionRepository versions, OperationCatalog catalog,
                           ExpressionSyntax expressions, MappingCompiler mappings, NotifyChannels channels,
                           AuditTrail audit, ApplicationEventPublisher events, ObjectProvider<PublishGate> publishGates) {
        this.events = events;
        this.publishGates = publishGates;
        this.workflows = workflows;
        this.versions = versions;
        this.validator = new DefinitionValidator(catalog, expressions, mappings::check, channels);
        this.audit = audit;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<WorkflowVersion> list(UUID workflowId) {
        workflow(workflowId);
        return versions.list(workflowId);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public StoredDefinition get(UUID workflowId, int version) {
        return stored(versions.find(workflowId, version).orElseThrow(() -> noVersion(workflowId, version)));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public StoredDefinition latest(UUID workflowId) {
        return get(workflowId, workflow(workflowId).latestVersion());
    }

    /**
     * What the validator says of a definition that is not saved (the designer's working copy): its shape problems
     * when it does not read as a definition, else the problems that would keep it from being published.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<DefinitionProblem> check(String definitionJson) {
        if (definitionJson == null || definitionJson.isBlank()) {
            return List.of(new DefinitionProblem("$", null, "is required: a workflow definition object"));
        }
        try {
            return validator.validate(DefinitionJson.read(definitionJson));
        } catch (DefinitionFormatException e) {
            return e.problems();
        }
    }

    /**
     * Saves a new version based on {@code baseVersion}; its problems are answered, not refused (a draft). The
     * definition is read once: the answer holds it as read from {@code definitionJson} (what is stored is its JSON).
     */
    @PreAuthorize(MAY_CHANGE)
    public StoredDefinition save(UUID workflowId, Integer baseVersion, String definitionJson, String comment) {
        if (baseVersion == null) {
            throw new InvalidInputException("baseVersion", "is required: the version your change is based on");
        }
        String cleanComment = comment == null ? "" : comment.strip();
        if (cleanComment.length() > COMMENT_MAX_LENGTH) {
            throw new InvalidInputException("comment", "must be at most " + COMMENT_MAX_LENGTH + " characters");
        }
        WorkflowDefinition definition = DefinitionInput.read(definitionJson);
        WorkflowVersion saved = append(workflowId, baseVersion, definition, cleanComment);
        audit.record("workflow.version_saved", WorkflowService.ENTITY, workflowId.toString(),
                Map.of("version", saved.version(), "comment", cleanComment));
        return new StoredDefinition(saved, definition, validator.validate(definition));
    }

    /**
     * Publishes a version: from now on triggers run it. Refused while the validator finds problems in it, or while
     * a {@link PublishGate} refuses it (the go-live checklist of a workflow installed from a template or using a
     * production connection).
     */
    @PreAuthorize(MAY_CHANGE)
    public StoredDefinition publish(UUID workflowId, int version) {
        StoredDefinition stored = get(workflowId, version);
        if (!stored.problems().isEmpty()) {
            throw new InvalidInputException(DefinitionInput.fieldProblems(stored.problems()));
        }
        refuseIfGated(stored);
        versions.publish(workflowId, version, CurrentUser.name());
        audit.record("workflow.published", WorkflowService.ENTITY, workflowId.toString(), Map.of("version", version));
        events.publishEvent(new WorkflowPublished(workflowId, version, stored.definition().trigger()));
        return stored;
    }

    /**
     * Why a {@link PublishGate} keeps version {@code version} from going live (each open item named by its field);
     * empty when nothing does. The validator's problems are not among them (they come with the version).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<InvalidInputException.FieldProblem> publishRefusals(UUID workflowId, int version) {
        return gateRefusals(get(workflowId, version));
    }

    /**
     * {@link #publishRefusals(UUID, int)} of a version the caller has read or saved already (the designer's save
     * answers it): not read again.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<InvalidInputException.FieldProblem> publishRefusals(StoredDefinition version) {
        return gateRefusals(version);
    }

    /**
     * Publishes the definition of an older version again, as a new version. The same gates as {@link #publish}
     * apply (to the older version): a rollback makes a version live too.
     */
    @PreAuthorize(MAY_CHANGE)
    public StoredDefinition rollback(UUID workflowId, int version) {
        StoredDefinition older = get(workflowId, version);
        if (!older.problems().isEmpty()) {
            throw new InvalidInputException(DefinitionInput.fieldProblems(older.problems()));
        }
        refuseIfGated(older);
        WorkflowVersion copy = append(workflowId, workflow(workflowId).latestVersion(), older.definition(),
                "Rollback to version " + version);
        versions.publish(workflowId, copy.version(), CurrentUser.name());
        audit.record("workflow.rolled_back", WorkflowService.ENTITY, workflowId.toString(),
                Map.of("to", version, "version", copy.version()));
        events.publishEvent(new WorkflowPublished(workflowId, copy.version(), older.definition().trigger()));
        return new StoredDefinition(copy, older.definition(), older.problems()); // the same definition: not read again
    }

    /**
     * Records that the signed-in user tried a change of this workflow they may not make ({@code method}: what they
     * tried, e.g. the designer's {@code save}); the change itself was refused by the service it went to.
     */
    @PreAuthorize("isAuthenticated()")
    public void recordRefusedEdit(UUID workflowId, String method) {
        audit.record("workflow.edit-refused", WorkflowService.ENTITY, workflowId.toString(),
                Map.of("method", method, "roles", String.join(",", CurrentUser.roleNames())));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public DefinitionDiff diff(UUID workflowId, int from, int to) {
        return DefinitionDiff.between(get(workflowId, from).definition(), get(workflowId, to).definition());
    }

    private void refuseIfGated(StoredDefinition version) {
        List<InvalidInputException.FieldProblem> refusals = gateRefusals(version);
        if (!refusals.isEmpty()) {
            throw new InvalidInputException(refusals);
        }
    }

    private List<InvalidInputException.FieldProblem> gateRefusals(StoredDefinition version) {
        return publishGates.orderedStream().flatMap(gate -> gate.refusals(version).stream()).toList();
    }

    private WorkflowVersion append(UUID workflowId, int baseVersion, WorkflowDefinition definition, String comment) {
        return versions.append(workflowId, baseVersion, DefinitionJson.write(definition), comment, CurrentUser.name())
                .orElseThrow(() -> {
                    Workflow workflow = workflow(workflowId);
                    WorkflowVersion latest = versions.find(workflowId, workflow.latestVersion()).orElseThrow();
                    return new ConflictException("baseVersion", "Version " + latest.version() + " was saved by "
                            + latest.createdBy() + " at " + latest.createdAt() + " after your base version "
                            + baseVersion + ". Reload the workflow and apply your change again.");
                });
    }

    private StoredDefinition stored(WorkflowVersion version) {
        WorkflowDefinition definition = DefinitionJson.read(version.definitionJson());
        return new StoredDefinition(version, definition, validator.validate(definition));
    }

    private Workflow workflow(UUID workflowId) {
        return workflows.find(workflowId).orElseThrow(() -> new NotFoundException("No workflow with id " + workflowId));
    }

    private static NotFoundException noVersion(UUID workflowId, int version) {
        return new NotFoundException("Workflow " + workflowId + " has no version " + version);
    }
}
