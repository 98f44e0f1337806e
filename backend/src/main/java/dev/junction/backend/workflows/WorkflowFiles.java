package dev.junction.backend.workflows;

import dev.junction.engine.mapping.MappingJson;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.lookups.LookupTableService;
import dev.junction.backend.mappings.MappingService;
import dev.junction.db.lookups.LookupTable;
import dev.junction.db.mappings.StoredMapping;
import dev.junction.db.workflows.Workflow;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.Node;
import dev.junction.engine.mapping.MappingReferences;
import dev.junction.engine.json.PayloadJson;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Workflows as files, for the REST API and the UI alike: export one version with the stored mappings and lookup
 * tables it uses; import as a new workflow, restoring them by name. On import a mapping or lookup table is created
 * when the installation has none of that name, reused when it has one with the same content, and the import is
 * refused (409, naming it) when one of that name differs: nothing is overwritten, nothing is imported twice under
 * another name. Map nodes are rewritten to the ids of the mappings they now use.
 */
@Service
public class WorkflowFiles {

    /** Larger uploads are refused before they are read. */
    public static final int MAX_FILE_BYTES = 1_000_000;

    private final WorkflowService workflows;
    private final WorkflowVersionService versions;
    private final MappingService mappings;
    private final LookupTableService lookupTables;
    private final JsonMapper json;

    WorkflowFiles(WorkflowService workflows, WorkflowVersionService versions, MappingService mappings,
                  LookupTableService lookupTables, JsonMapper json) {
        this.workflows = workflows;
        this.versions = versions;
        this.mappings = mappings;
        this.lookupTables = lookupTables;
        this.json = json;
    }

    /** The file of a version ({@code null}: the latest), with the mappings and lookup tables it uses. */
    @Transactional(readOnly = true)
    public WorkflowFile export(UUID id, Integer version) {
        Workflow workflow = workflows.get(id);
        StoredDefinition stored = versions.get(id, version == null ? workflow.latestVersion() : version);
        List<WorkflowFile.MappingFile> usedMappings = new ArrayList<>();
        Set<String> tableNames = new TreeSet<>();
        for (Node node : stored.definition().nodes()) {
            Object mapping = node.config().get("mapping");
            if ("map".equals(node.type()) && mapping instanceof String mappingId) {
                storedMapping(mappingId).ifPresent(found -> {
                    String definition = mappings.runningDefinition(found);
                    usedMappings.add(new WorkflowFile.MappingFile(mappingId, found.name(), found.description(),
                            json.readTree(definition)));
                    tableNames.addAll(MappingReferences.lookupTables(MappingJson.read(definition).document()));
                });
            } else if ("map".equals(node.type()) && mapping instanceof Map<?, ?> inline) {
                tableNames.addAll(MappingReferences.lookupTables(MappingJson.read(inline).document()));
            } else if ("lookup".equals(node.type()) && node.config().get("table") instanceof String table) {
                tableNames.add(table);
            }
        }
        Map<String, LookupTable> existing = new HashMap<>();
        lookupTables.list().forEach(table -> existing.put(table.name(), table));
        List<WorkflowFile.LookupTableFile> usedTables = tableNames.stream().filter(existing::containsKey)
                .map(name -> {
                    LookupTable table = existing.get(name);
                    return new WorkflowFile.LookupTableFile(name, table.description(),
                            LookupTable.policyName(table.missingKey()), table.keyLabel(), table.valueLabel(),
                            lookupTables.allEntries(name));
                }).toList();
        return new WorkflowFile(WorkflowFile.FORMAT, WorkflowFile.FORMAT_VERSION, workflow.name(),
                workflow.description(), stored.version().version(), OffsetDateTime.now(),
                json.readTree(DefinitionJson.write(stored.definition())), usedMappings, usedTables);
    }

    private Optional<StoredMapping> storedMapping(String id) {
        try {
            return Optional.of(mappings.get(UUID.fromString(id)));
        } catch (IllegalArgumentException | dev.junction.backend.api.NotFoundException e) {
            return Optional.empty(); // not a stored mapping's id (the validator says so): nothing to take along
        }
    }

    /** A file name for the export of a workflow, made of its name. */
    public String fileName(WorkflowFile file) {
        return file.name().replaceAll("[^A-Za-z0-9._-]+", "-") + ".workflow.json";
    }

    public byte[] toJson(WorkflowFile file) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(file);
    }

    /** Reads an uploaded file; a file that is not one of ours is refused with a message saying why. */
    public WorkflowFile fromJson(byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new InvalidInputException("file", "must be at most " + MAX_FILE_BYTES / 1000 + " kB");
        }
        try {
            return json.readValue(bytes, WorkflowFile.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new InvalidInputException("file", "is not a Junction workflow file: " + e.getOriginalMessage());
        }
    }

    /**
     * Creates a new workflow from a file: its definition becomes version 1, not published; its lookup tables and
     * mappings are restored first (all or nothing).
     */
    @Transactional
    public Workflow importFile(WorkflowFile file) {
        if (!WorkflowFile.FORMAT.equals(file.format())) {
            throw new InvalidInputException("format", "must be \"" + WorkflowFile.FORMAT + "\" (a file exported by Junction)");
        }
        if (file.formatVersion() == null || file.formatVersion() != WorkflowFile.FORMAT_VERSION) {
            throw new InvalidInputException("formatVersion", "must be " + WorkflowFile.FORMAT_VERSION);
        }
        List<WorkflowFile.LookupTableFile> tables = file.lookupTables() == null ? List.of() : file.lookupTables();
        for (int i = 0; i < tables.size(); i++) {
            restore(tables.get(i), "lookupTables[" + i + "]");
        }
        Map<String, String> mappingIds = new HashMap<>();
        List<WorkflowFile.MappingFile> files = file.mappings() == null ? List.of() : file.mappings();
        for (int i = 0; i < files.size(); i++) {
            WorkflowFile.MappingFile mapping = files.get(i);
            if (mapping == null || mapping.id() == null) {
                throw new InvalidInputException("mappings[" + i + "].id", "is required: the id the map nodes name");
            }
            mappingIds.put(mapping.id(), restore(mapping, "mappings[" + i + "]").toString());
        }
        JsonNode definition = file.definition() == null ? null : withMappingIds(file.definition(), mappingIds);
        return workflows.importWorkflow(file.name(), file.description(),
                definition == null ? null : definition.toString());
    }

    /** The id of the mapping of that name here: the same one, or created now. */
    private UUID restore(WorkflowFile.MappingFile mapping, String field) {
        if (mapping.name() == null || mapping.name().isBlank()) {
            throw new InvalidInputException(field + ".name", "is required: the mapping's name");
        }
        if (mapping.definition() == null || !mapping.definition().isObject()) {
            throw new InvalidInputException(field + ".definition", "must be the mapping's definition (an object)");
        }
        Optional<StoredMapping> same = mappings.findByName(mapping.name());
        if (same.isPresent()) {
            if (!json.readTree(mappings.runningDefinition(same.get())).equals(mapping.definition())) {
                throw new ConflictException(field + ".name", "This installation has a mapping named '"
                        + same.get().name() + "' whose definition differs from the file's. Rename or change one of"
                        + " them (or use the same definition), then import again.");
            }
            return same.get().id();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> definition = (Map<String, Object>) PayloadJson.read(mapping.definition().toString());
        StoredMapping created = mappings.create(mapping.name(), mapping.description(), definition);
        mappings.publish(created.id(), 1);
        return created.id();
    }

    private void restore(WorkflowFile.LookupTableFile table, String field) {
        if (table == null || table.name() == null) {
            throw new InvalidInputException(field + ".name", "is required: the lookup table's name");
        }
        var missingKey = LookupTable.policy(table.missingKey() == null ? "error" : table.missingKey())
                .orElseThrow(() -> new InvalidInputException(field + ".missingKey", "must be error, null or"
                        + " passThrough"));
        Map<String, Object> entries = table.entries() == null ? Map.of() : table.entries();
        Optional<LookupTable> same = lookupTables.list().stream().filter(t -> t.name().equals(table.name()))
                .findFirst();
        if (same.isPresent()) {
            if (same.get().missingKey() != missingKey
                    || !json.valueToTree(lookupTables.allEntries(table.name())).equals(json.valueToTree(entries))) {
                throw new ConflictException(field + ".name", "This installation has a lookup table named '"
                        + table.name() + "' whose entries or missing-key policy differ from the file's. Rename or"
                        + " change one of them, then import again.");
            }
            return;
        }
        lookupTables.restore(table.name(), new LookupTableService.Settings(
                table.description() == null ? "" : table.description(), missingKey,
                table.keyLabel() == null ? "key" : table.keyLabel(),
                table.valueLabel() == null ? "value" : table.valueLabel()), new LinkedHashMap<>(entries));
    }

    /** A copy of the definition whose map nodes name the mappings' ids here instead of those of the file. */
    private static JsonNode withMappingIds(JsonNode definition, Map<String, String> ids) {
        JsonNode copy = definition.deepCopy();
        JsonNode nodes = copy.get("nodes");
        if (nodes != null && nodes.isArray()) {
            for (JsonNode node : nodes) {
                JsonNode config = node.get("config");
                if (node.path("type").asString("").equals("map") && config instanceof ObjectNode object
                        && config.path("mapping").isString() && ids.containsKey(config.get("mapping").asString())) {
                    object.put("mapping", ids.get(config.get("mapping").asString()));
                }
            }
        }
        return copy;
    }
}
