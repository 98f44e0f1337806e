package dev.junction.backend.lookups;

import dev.junction.engine.mapping.MappingJson;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.mappings.MappingService;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.users.Role;
import dev.junction.backend.workflows.PublishedWorkflowNodes;
import dev.junction.db.lookups.LookupTable;
import dev.junction.db.lookups.LookupTableRepository;
import dev.junction.engine.definition.Node;
import dev.junction.engine.mapping.MappingReferences;
import dev.junction.engine.runs.LookupTables;
import dev.junction.engine.json.PayloadJson;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Lookup tables that mappings and lookup nodes read (SKU → ASIN, seller SKU → Dynamics product number): tables with
 * their missing-key policy, entries, and CSV import (all or nothing) and export. Changes are audited.
 */
@Service
public class LookupTableService {

    static final String ENTITY = "lookup_table";
    private static final String MAY_CHANGE = "hasAnyRole('ADMIN', 'DESIGNER')";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final int MAX_KEY_LENGTH = 500;

    private final LookupTableRepository tables;
    private final PublishedWorkflowNodes publishedNodes;
    private final MappingService storedMappings;
    private final AuditTrail audit;

    LookupTableService(LookupTableRepository tables, PublishedWorkflowNodes publishedNodes,
                       MappingService storedMappings, AuditTrail audit) {
        this.tables = tables;
        this.publishedNodes = publishedNodes;
        this.storedMappings = storedMappings;
        this.audit = audit;
    }

    /** What a table is: its description, missing-key policy, and its CSV column labels. */
    public record Settings(String description, LookupTables.MissingKey missingKey, String keyLabel, String valueLabel) {

        /**
         * Settings as typed (the REST API's body, the Lookup tables view's form), checked: a description of at most
         * 2000 characters, labels of 1 to 60 (the CSV columns' names; stripped). A wrong one is refused by name.
         */
        public static Settings checked(String description, LookupTables.MissingKey missingKey, String keyLabel,
                                       String valueLabel) {
            String cleanDescription = description == null ? "" : description;
            if (cleanDescription.length() > 2000) {
                throw new InvalidInputException("description", "must be at most 2000 characters");
            }
            for (var label : List.of(Map.entry("keyLabel", keyLabel == null ? "" : keyLabel),
                    Map.entry("valueLabel", valueLabel == null ? "" : valueLabel))) {
                if (label.getValue().isBlank() || label.getValue().length() > 60) {
                    throw new InvalidInputException(label.getKey(), "must be 1 to 60 characters: the column's name"
                            + " in CSV files");
                }
            }
            return new Settings(cleanDescription, missingKey == null ? LookupTables.MissingKey.ERROR : missingKey,
                    keyLabel.strip(), valueLabel.strip());
        }
    }

    /** Whether the signed-in user may create, change and delete tables and their entries. */
    public boolean currentUserMayChange() {
        return CurrentUser.hasAnyRole(Role.ADMIN, Role.DESIGNER);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<LookupTable> list() {
        return tables.tables();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public LookupTable get(String name) {
        return table(name);
    }

    @PreAuthorize(MAY_CHANGE)
    @Transactional
    public LookupTable create(String name, Settings settings) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("name", "must be 1 to 63 lower-case letters, digits and dashes, starting"
                    + " with a letter or digit (e.g. sku-asin)");
        }
        if (!tables.create(name, settings.description(), settings.missingKey(), settings.keyLabel(),
                settings.valueLabel(), CurrentUser.name())) {
            throw new ConflictException("name", "A lookup table named '" + name + "' already exists.");
        }
        audit.record("lookup_table.created", ENTITY, name, Map.of("missingKey",
                LookupTable.policyName(settings.missingKey())));
        return table(name);
    }

    @PreAuthorize(MAY_CHANGE)
    @Transactional
    public LookupTable update(String name, Settings settings) {
        table(name);
        tables.update(name, settings.description(), settings.missingKey(), settings.keyLabel(), settings.valueLabel(),
                CurrentUser.name());
        audit.record("lookup_table.updated", ENTITY, name, Map.of("missingKey",
                LookupTable.policyName(settings.missingKey())));
        return table(name);
    }

    /**
     * Creates a table with its entries in one go (a workflow file's import); audited as created and imported.
     */
    @PreAuthorize(MAY_CHANGE)
    @Transactional
    public LookupTable restore(String name, Settings settings, Map<String, ?> entries) {
        create(name, settings);
        for (String key : entries.keySet()) {
            checkKey(key, "lookupTables." + name + ".entries");
        }
        tables.load(name, entries, true, CurrentUser.name());
        audit.record("lookup_table.imported", ENTITY, name, Map.of("entries", entries.size(), "mode", "replace"));
        return table(name);
    }

    /** Every entry of a table, in key order. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<String, Object> allEntries(String name) {
        table(name);
        return tables.entries(name, null, 0, Integer.MAX_VALUE);
    }

    /** Deletes a table no published workflow reads; one in use is refused, naming the workflows. */
    @PreAuthorize(MAY_CHANGE)
    @Transactional
    public void delete(String name) {
        table(name);
        List<String> users = publishedNodes.namesOfWorkflowsWith(node -> reads(node, name));
        if (!users.isEmpty()) {
            throw new ConflictException("name", "Lookup table '" + name + "' is read by the published version of "
                    + String.join(", ", users) + ": change those workflows first.");
        }
        tables.delete(name);
        audit.record("lookup_table.deleted", ENTITY, name, Map.of());
    }

    /** A lookup node on the table, or a map node whose mapping (inline, or a stored one's published version) reads it. */
    private boolean reads(Node node, String table) {
        if ("lookup".equals(node.type())) {
            return table.equals(node.config().get("table"));
        }
        if (!"map".equals(node.type())) {
            return false;
        }
        Object mapping = node.config().get("mapping");
        if (mapping instanceof Map<?, ?> inline) {
            return MappingReferences.lookupTables(MappingJson.read(inline).document()).contains(table);
        }
        return mapping instanceof String id && storedMappings.published(id)
                .map(json -> MappingReferences.lookupTables(MappingJson.read(json).document()).contains(table))
                .orElse(false);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<String, Object> entries(String name, String query, int offset, int limit) {
        table(name);
        return tables.entries(name, query, offset, limit);
    }

    @PreAuthorize(MAY_CHANGE)
    @Transactional
    public void put(String name, String key, Object value) {
        table(name);
        checkKey(key, "key");
        tables.putEntry(name, key, value, CurrentUser.name());
        audit.record("lookup_table.entry_set", ENTITY, name, Map.of("key", key));
    }

    @PreAuthorize(MAY_CHANGE)
    @Transactional
    public void remove(String name, String key) {
        table(name);
        if (!tables.deleteEntry(name, key, CurrentUser.name())) {
            throw new NotFoundException("Lookup table '" + name + "' has no key '" + key + "'");
        }
        audit.record("lookup_table.entry_removed", ENTITY, name, Map.of("key", key));
    }

    /**
     * Loads a CSV file: a header row (the table's two labels, or {@code key,value}), then one key and value per line.
     * Nothing changes when any line is wrong; the error names the line.
     */
    @PreAuthorize(MAY_CHANGE)
    @Transactional
    public int importCsv(String name, String csv, boolean replace) {
        LookupTable table = table(name);
        List<List<String>> records = Csv.parse(csv);
        if (records.isEmpty()) {
            throw new InvalidInputException("csv", "is empty: expected a header row '" + table.keyLabel() + ","
                    + table.valueLabel() + "' and one line per entry");
        }
        List<String> header = records.getFirst().stream().map(String::strip).toList();
        if (!(header.equals(List.of(table.keyLabel(), table.valueLabel())) || header.equals(List.of("key", "value")))) {
            throw new InvalidInputException("csv", "line 1: the header must be '" + table.keyLabel() + ","
                    + table.valueLabel() + "' (or 'key,value'), got '" + String.join(",", header) + "'");
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (record.size() != 2) {
                throw new InvalidInputException("csv", "line " + (i + 1) + ": expected 2 fields (key, value), got "
                        + record.size());
            }
            checkKey(record.get(0), "csv line " + (i + 1));
            if (entries.put(record.get(0), record.get(1)) != null) {
                throw new InvalidInputException("csv", "line " + (i + 1) + ": the key '" + record.get(0)
                        + "' appears twice");
            }
        }
        tables.load(name, entries, replace, CurrentUser.name());
        audit.record("lookup_table.imported", ENTITY, name, Map.of("entries", entries.size(), "mode",
                replace ? "replace" : "merge"));
        return entries.size();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public String exportCsv(String name) {
        LookupTable table = table(name);
        StringBuilder csv = new StringBuilder(Csv.field(table.keyLabel()) + "," + Csv.field(table.valueLabel()) + "\r\n");
        tables.entries(name, null, 0, Integer.MAX_VALUE).forEach((key, value) -> csv.append(Csv.field(key))
                .append(',').append(Csv.field(value instanceof String text ? text : PayloadJson.write(value)))
                .append("\r\n"));
        return csv.toString();
    }

    private static void checkKey(String key, String field) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new InvalidInputException(field, "a key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }

    private LookupTable table(String name) {
        return tables.table(name).orElseThrow(() -> new NotFoundException("No lookup table named '" + name + "'"));
    }
}
