package dev.junction.backend.workflows;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.InvalidInputException.FieldProblem;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.users.Role;
import dev.junction.db.workflows.Workflow;
import dev.junction.db.workflows.WorkflowPage;
import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.db.workflows.WorkflowSort;
import dev.junction.db.workflows.WorkflowVersionRepository;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.WorkflowDefinition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Workflows for the UI and the REST API alike: list, read, create, import, rename / describe, delete (or archive,
 * when it has runs: see {@link #delete}). Every change
 * is audited in its own transaction. (Versions of the definition: {@link WorkflowVersionService}.) Reading is open to every role; changing needs ADMIN or DESIGNER.
 */
@Service
@Transactional
public class WorkflowService {

    public static final int NAME_MAX_LENGTH = 120;
    public static final int DESCRIPTION_MAX_LENGTH = 2000;
    public static final int PAGE_MAX_SIZE = 200;
    static final String ENTITY = "workflow";
    private static final String MAY_CHANGE = "hasAnyRole('ADMIN', 'DESIGNER')";

    private final WorkflowRepository workflows;
    private final WorkflowVersionRepository versions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    WorkflowService(WorkflowRepository workflows, WorkflowVersionRepository versions, AuditTrail audit,
                    ApplicationEventPublisher events) {
        this.events = events;
        this.workflows = workflows;
        this.versions = versions;
        this.audit = audit;
    }

    /** Whether the signed-in user may create, change and delete workflows (the UI shows its buttons only then). */
    public boolean currentUserMayChange() {
        return CurrentUser.hasAnyRole(Role.ADMIN, Role.DESIGNER);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public WorkflowPage search(String text, WorkflowSort sort, boolean ascending, int offset, int limit) {
        return search(text, null, sort, ascending, offset, limit);
    }

    /** The workflows matching {@code text} and carrying {@code tag} (null or blank: any), one page. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public WorkflowPage search(String text, String tag, WorkflowSort sort, boolean ascending, int offset, int limit) {
        String cleanTag = WorkflowTags.filter(tag, "tag");
        List<FieldProblem> problems = new ArrayList<>();
        if (offset < 0) {
            problems.add(new FieldProblem("offset", "must be 0 or more"));
        }
        if (limit < 1 || limit > PAGE_MAX_SIZE) {
            problems.add(new FieldProblem("limit", "must be between 1 and " + PAGE_MAX_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return workflows.search(text, cleanTag, sort, ascending, offset, limit);
    }

    /** Every tag a workflow carries, sorted (what the tag filters offer). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<String> allTags() {
        return workflows.allTags();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Workflow get(UUID id) {
        return workflows.find(id).orElseThrow(() -> notFound(id));
    }

    /** Creates a workflow whose first version is a manual trigger with nothing after it. */
    @PreAuthorize(MAY_CHANGE)
    public Workflow create(String name, String description) {
        return create(name, description, List.of());
    }

    /** {@link #create(String, String)} with tags ({@link WorkflowTags}: a bad one is a 400 naming {@code tags[i]}). */
    @PreAuthorize(MAY_CHANGE)
    public Workflow create(String name, String description, List<String> tags) {
        List<String> cleanTags = WorkflowTags.checked(tags == null ? List.of() : tags, "tags");
        Workflow created = insert(name, description, WorkflowDefinition.initial(), cleanTags);
        audit.record("workflow.created", ENTITY, created.id().toString(),
                Map.of("name", created.name(), "description", created.description(), "tags", created.tags()));
        return created;
    }

    /** Creates a workflow from an exported file: its definition becomes version 1 (not published). */
    @PreAuthorize(MAY_CHANGE)
    public Workflow importWorkflow(String name, String description, String definitionJson) {
        WorkflowDefinition definition = DefinitionInput.read(definitionJson);
        Workflow created = insert(name, description, definition, List.of());
        audit.record("workflow.imported", ENTITY, created.id().toString(), Map.of("name", created.name()));
        return created;
    }

    private Workflow insert(String name, String description, WorkflowDefinition definition, List<String> tags) {
        String cleanName = checkedName(name);
        String cleanDescription = checkedDescription(description == null ? "" : description);
        Workflow inserted = workflows.insert(cleanName, cleanDescription, tags, CurrentUser.name())
                .orElseThrow(() -> nameTaken(cleanName));
        versions.append(inserted.id(), 0, DefinitionJson.write(definition), "Created", CurrentUser.name())
                .orElseThrow();
        return workflows.find(inserted.id()).orElseThrow();
    }

    /** Changes the name and / or the description; a null leaves that one as it is. */
    @PreAuthorize(MAY_CHANGE)
    public Workflow update(UUID id, String name, String description) {
        return update(id, name, description, null);
    }

    /** Changes the name, the description and / or the tags (replaced as a whole); a null leaves that one as it is. */
    @PreAuthorize(MAY_CHANGE)
    public Workflow update(UUID id, String name, String description, List<String> tags) {
        if (name == null && description == null && tags == null) {
            throw new InvalidInputException("name", "send a new name, a new description, new tags, or some of them");
        }
        Workflow before = get(id);
        String newName = name == null ? before.name() : checkedName(name);
        String newDescription = description == null ? before.description() : checkedDescription(description);
        List<String> newTags = WorkflowTags.checked(tags, "tags");
        if (workflows.nameTaken(newName, id)) {
            throw nameTaken(newName);
        }
        Workflow after = workflows.update(id, newName, newDescription, newTags, CurrentUser.name())
                .orElseThrow(() -> notFound(id));
        Map<String, Object> changes = new LinkedHashMap<>();
        if (!before.name().equals(after.name())) {
            changes.put("name", Map.of("from", before.name(), "to", after.name()));
        }
        if (!before.description().equals(after.description())) {
            changes.put("description", Map.of("from", before.description(), "to", after.description()));
        }
        if (!before.tags().equals(after.tags())) {
            changes.put("tags", Map.of("from", before.tags(), "to", after.tags()));
        }
        if (!changes.isEmpty()) {
            audit.record(changes.containsKey("name") ? "workflow.renamed" : changes.containsKey("description")
                    ? "workflow.described" : "workflow.tagged", ENTITY, id.toString(), changes);
        }
        return after;
    }

    /** What deleting the workflow would do (archive it, as it has runs, or delete it): the confirmation says so. */
    @PreAuthorize(MAY_CHANGE)
    @Transactional(readOnly = true)
    public WorkflowRemoval removalOf(UUID id) {
        Workflow workflow = get(id);
        int runs = workflows.countRuns(id);
        return new WorkflowRemoval(id, workflow.name(), runs > 0, runs);
    }

    /**
     * Deletes a workflow that never ran, with its versions; archives one that has runs (hidden from the list and
     * from triggers, its versions and runs kept). Either way its triggers stop, and the audit log says which.
     */
    @PreAuthorize(MAY_CHANGE)
    public WorkflowRemoval delete(UUID id) {
        int runs = workflows.lockAndCountRuns(id).orElseThrow(() -> notFound(id));
        WorkflowRemoval removal;
        if (runs > 0) {
            Workflow archived = workflows.archive(id, CurrentUser.name()).orElseThrow(() -> notFound(id));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("name", archived.name());
            details.put("runs", runs);
            if (archived.publishedVersion() != null) {
                details.put("unpublishedVersion", archived.publishedVersion());
            }
            audit.record("workflow.archived", ENTITY, id.toString(), details);
            removal = new WorkflowRemoval(id, archived.name(), true, runs);
        } else {
            Workflow deleted = workflows.delete(id).orElseThrow(() -> notFound(id));
            audit.record("workflow.deleted", ENTITY, id.toString(), Map.of("name", deleted.name()));
            removal = new WorkflowRemoval(id, deleted.name(), false, 0);
        }
        events.publishEvent(new WorkflowDeleted(id));
        return removal;
    }

    private static String checkedName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new InvalidInputException("name", "is required and must not be blank");
        }
        if (clean.length() > NAME_MAX_LENGTH) {
            throw new InvalidInputException("name", "must be at most " + NAME_MAX_LENGTH + " characters (has "
                    + clean.length() + ")");
        }
        if (clean.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "must not contain control characters such as line breaks");
        }
        return clean;
    }

    private static String checkedDescription(String description) {
        if (description.length() > DESCRIPTION_MAX_LENGTH) {
            throw new InvalidInputException("description", "must be at most " + DESCRIPTION_MAX_LENGTH
                    + " characters (has " + description.length() + ")");
        }
        return description;
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("name", "A workflow named '" + name + "' already exists; choose another name.");
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("No workflow with id " + id);
    }
}
