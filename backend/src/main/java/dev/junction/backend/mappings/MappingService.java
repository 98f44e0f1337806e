package dev.junction.backend.mappings;

import dev.junction.engine.mapping.model.MappingDocument;
import dev.junction.engine.mapping.MappingJson;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.users.Role;
import dev.junction.backend.workflows.PublishedWorkflowNodes;
import dev.junction.db.mappings.MappingRepository;
import dev.junction.db.mappings.MappingVersion;
import dev.junction.db.mappings.StoredMapping;
import dev.junction.engine.mapping.MappingCompiler;
import dev.junction.engine.mapping.MappingProblem;
import dev.junction.engine.json.PayloadJson;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stored mappings: each save is a new immutable version (optimistic locking on the base version, as with
 * workflows), saved even with problems (a draft) but published only without errors; map nodes run the published
 * version. Every change is audited.
 */
@Service
public class MappingService {

    static final String ENTITY = "mapping";
    public static final int NAME_MAX_LENGTH = 120;
    public static final int DESCRIPTION_MAX_LENGTH = 2000;
    private static final String MAY_CHANGE = "hasAnyRole('ADMIN', 'DESIGNER')";

    private final MappingRepository mappings;
    private final MappingCompiler compiler;
    private final PublishedWorkflowNodes publishedNodes;
    private final AuditTrail audit;

    MappingService(MappingRepository mappings, MappingCompiler compiler, PublishedWorkflowNodes publishedNodes,
                   AuditTrail audit) {
        this.mappings = mappings;
        this.compiler = compiler;
        this.publishedNodes = publishedNodes;
        this.audit = audit;
    }

    /** A version with the problems its definition has now. */
    public record CheckedVersion(MappingVersion version, Map<String, Object> definition, List<MappingProblem> problems) {
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<StoredMapping> list() {
        return mappings.list();
    }

    /**
     * The definitions of the mappings saved in this instance (each one's published version, else its latest): what
     * auto-map suggestions learn from.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<MappingDocument> savedDefinitions() {
        return mappings.list().stream()
                .map(mapping -> mappings.version(mapping.id(), mapping.publishedVersion() != null
                        ? mapping.publishedVersion() : mapping.latestVersion()))
                .flatMap(Optional::stream)
                .map(version -> MappingJson.read(version.definition()).document())
                .toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public StoredMapping get(UUID id) {
        return mapping(id);
    }

    /** The mapping of that name (names are unique regardless of case). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<StoredMapping> findByName(String name) {
        String wanted = name == null ? "" : name.strip();
        return mappings.list().stream().filter(mapping -> mapping.name().equalsIgnoreCase(wanted)).findFirst();
    }

    /** The definition (JSON) map nodes run: the published version's, or the latest when none is published. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public String runningDefinition(StoredMapping mapping) {
        int version = mapping.publishedVersion() != null ? mapping.publishedVersion() : mapping.latestVersion();
        return mappings.version(mapping.id(), version).orElseThrow().definition();
    }

    /** Whether the signed-in user may create, change, publish and delete mappings. */
    public boolean currentUserMayChange() {
        return CurrentUser.hasAnyRole(Role.ADMIN, Role.DESIGNER);
    }

    @PreAuthorize(MAY_CHANGE)
    @Transactional
    public StoredMapping create(String name, String description, Map<String, Object> definition) {
        checkName(name);
        String cleanDescription = description == null ? "" : description;
        checkDescription(cleanDescription);
        StoredMapping created = mappings.create(name, cleanDescription, PayloadJson.write(definition),
                        CurrentUser.name())
                .orElseThrow(() -> new ConflictException("name", "A mapping named '" + name.strip()
                        + "' already exists; choose another name."));
        audit.record("mapping.created", ENTITY, created.id().toString(), Map.of("name", created.name()));
        return created;
    }

    /**
     * Renames and/or describes a mapping (null leaves that one as it is); its versions, and the map nodes naming it
     * by id, stay as they are. Audited as {@code mapping.renamed} (or {@code mapping.described} when only the
     * description changed), with what changed from what to what.
     */
    @PreAuthorize(MAY_CHANGE)
    @Transactional
    public StoredMapping rename(UUID id, String name, String description) {
        if (name == null && description == null) {
            throw new InvalidInputException("name", "send a new name, a new description, or both");
        }
        StoredMapping before = mapping(id);
        if (name != null) {
            checkName(name);
        }
        if (description != null) {
            checkDescription(description);
        }
        String newName = name == null ? before.name() : name.strip();
        String newDescription = description == null ? before.description() : description;
        if (mappings.nameTaken(newName, id)) {
            throw new ConflictException("name", "A mapping named '" + newName + "' already exists; choose another"
                    + " name.");
        }
        StoredMapping after = mappings.describe(id, newName, newDescription, CurrentUser.name())
                .orElseThrow(() -> new NotFoundException("No mapping with id " + id));
        Map<String, Object> changes = new LinkedHashMap<>();
        if (!before.name().equals(after.name())) {
            changes.put("name", Map.of("from", before.name(), "to", after.name()));
        }
        if (!before.description().equals(after.description())) {
            changes.put("description", Map.of("from", before.description(), "to", after.description()));
        }
        if (!changes.isEmpty()) {
            audit.record(changes.containsKey("name") ? "mapping.renamed" : "mapping.described", ENTITY,
                    id.toString(), changes);
        }
        return after;
    }

    @PreAuthorize(MAY_CHANGE)
    @Transactional
    public CheckedVersion save(UUID id, int baseVersion, Map<String, Object> definition, String comment) {
        mapping(id);
        String cleanComment = comment == null ? "" : comment;
        if (cleanComment.length() > 500) {
            throw new InvalidInputException("comment", "must be at most 500 characters");
        }
        MappingVersion saved = mappings.append(id, baseVersion, PayloadJson.write(definition), cleanComment,
                CurrentUser.name()).orElseThrow(() -> {
                    StoredMapping mapping = mapping(id);
                    MappingVersion latest = mappings.version(id, mapping.latestVersion()).orElseThrow();
                    return new ConflictException("baseVersion", "Version " + latest.version() + " was saved by "
                            + latest.createdBy() + " at " + latest.createdAt() + " after your base version "
                            + baseVersion + ". Reload the mapping and apply your change again.");
                });
        audit.record("mapping.version_saved", ENTITY, id.toString(), Map.of("version", saved.version()));
        return checked(saved);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<MappingVersion> versions(UUID id) {
        mapping(id);
        return mappings.versions(id);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public CheckedVersion version(UUID id, int version) {
        mapping(id);
        return checked(mappings.version(id, version).orElseThrow(() -> new NotFoundException("Mapping " + id
                + " has no version " + version)));
    }

    /** What changed from one version to another (rules by target path, schemas). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public dev.junction.engine.mapping.MappingDiff diff(UUID id, int from, int to) {
        return dev.junction.engine.mapping.MappingDiff.between(MappingJson.read(version(id, from).definition())
                .document(), MappingJson.read(version(id, to).definition()).document());
    }

    /** Publishes a version without errors; one with errors is refused, listing them. */
    @PreAuthorize(MAY_CHANGE)
    @Transactional
    public StoredMapping publish(UUID id, int version) {
        CheckedVersion checked = version(id, version);
        List<MappingProblem> errors = checked.problems().stream().filter(MappingProblem::isError).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.stream().map(problem -> new InvalidInputException.FieldProblem(
                    "definition." + problem.path(), problem.message())).toList());
        }
        mappings.publish(id, version, CurrentUser.name());
        audit.record("mapping.published", ENTITY, id.toString(), Map.of("version", version));
        return mapping(id);
    }

    /** Deletes a mapping no published workflow uses; one in use is refused, naming the workflows. */
    @PreAuthorize(MAY_CHANGE)
    @Transactional
    public void delete(UUID id) {
        StoredMapping mapping = mapping(id);
        List<String> users = publishedNodes.namesOfWorkflowsWith(node -> "map".equals(node.type())
                && id.toString().equals(node.config().get("mapping")));
        if (!users.isEmpty()) {
            throw new ConflictException("id", "Mapping '" + mapping.name() + "' is used by the published version of "
                    + String.join(", ", users) + ": change those workflows first.");
        }
        mappings.delete(id);
        audit.record("mapping.deleted", ENTITY, id.toString(), Map.of("name", mapping.name()));
    }

    /** The published definition (JSON) of a stored mapping, for map nodes; empty when it has none or no such mapping. */
    @Transactional(readOnly = true)
    public Optional<String> published(String mappingId) {
        UUID id;
        try {
            id = UUID.fromString(mappingId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return mappings.publishedDefinition(id);
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > NAME_MAX_LENGTH) {
            throw new InvalidInputException("name", "is required: 1 to " + NAME_MAX_LENGTH + " characters");
        }
    }

    private static void checkDescription(String description) {
        if (description.length() > DESCRIPTION_MAX_LENGTH) {
            throw new InvalidInputException("description", "must be at most " + DESCRIPTION_MAX_LENGTH
                    + " characters");
        }
    }

    private CheckedVersion checked(MappingVersion version) {
        Map<String, Object> definition = object(version.definition());
        return new CheckedVersion(version, definition, compiler.check(MappingJson.read(definition)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String json) {
        return (Map<String, Object>) PayloadJson.read(json);
    }

    private StoredMapping mapping(UUID id) {
        return mappings.find(id).orElseThrow(() -> new NotFoundException("No mapping with id " + id));
    }
}
