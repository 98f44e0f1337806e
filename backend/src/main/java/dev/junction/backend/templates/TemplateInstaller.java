package dev.junction.backend.templates;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.InvalidInputException.FieldProblem;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.lookups.LookupTableService;
import dev.junction.backend.mappings.MappingService;
import dev.junction.backend.security.CurrentUser;
import dev.junction.backend.workflows.StoredDefinition;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.backend.workflows.WorkflowVersionService;
import dev.junction.db.lookups.LookupTable;
import dev.junction.db.mappings.StoredMapping;
import dev.junction.db.templates.TemplateRepository;
import dev.junction.db.workflows.Workflow;
import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.OperationCatalog;
import dev.junction.engine.json.PayloadJson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Installs a template version: checks the connection chosen per requirement (existing, of the requirement's
 * connector; the sandbox one when none is chosen) and the parameter values, installs the stored mappings (reused
 * when one of that name has the same definition) and lookup tables (kept when one of that name exists), creates the
 * workflow with the filled-in definition as version 1 (a draft) and remembers the installation.
 */
@Component
class TemplateInstaller {

    private final TemplateCatalog catalog;
    private final OperationCatalog connections;
    private final WorkflowService workflows;
    private final WorkflowVersionService versions;
    private final WorkflowRepository workflowRows;
    private final MappingService mappings;
    private final LookupTableService lookupTables;
    private final TemplateRepository store;
    private final AuditTrail audit;

    TemplateInstaller(TemplateCatalog catalog, OperationCatalog connections, WorkflowService workflows,
                      WorkflowVersionService versions, WorkflowRepository workflowRows, MappingService mappings,
                      LookupTableService lookupTables, TemplateRepository store, AuditTrail audit) {
        this.catalog = catalog;
        this.connections = connections;
        this.workflows = workflows;
        this.versions = versions;
        this.workflowRows = workflowRows;
        this.mappings = mappings;
        this.lookupTables = lookupTables;
        this.store = store;
        this.audit = audit;
    }

    /** The sandbox connection of a connector (what a fresh install has, see SandboxConnections). */
    static String sandboxConnection(String connectorId) {
        return connectorId + "-sandbox";
    }

    InstallResult install(InstallRequest request) {
        if (request.templateId() == null || request.templateId().isBlank()) {
            throw new InvalidInputException("templateId", "is required: the template to install");
        }
        Template template = catalog.get(request.templateId(), request.version()).template();
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> chosen = chosenConnections(template, request.connections(), problems);
        Map<String, Object> parameters = ParameterValues.resolve(template, request.parameters(), "parameters",
                problems);
        if (request.workflowName() != null && request.workflowName().strip().length() > WorkflowService.NAME_MAX_LENGTH) {
            problems.add(new FieldProblem("workflowName", "must be at most " + WorkflowService.NAME_MAX_LENGTH
                    + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<String> tables = installLookupTables(template);
        Map<String, UUID> mappingIds = installMappings(template);
        Map<String, Object> definition = filled(template, chosen, parameters, mappingIds);
        String definitionJson = DefinitionJson.write(DefinitionJson.read(PayloadJson.write(definition)));
        String name = freeName(request.workflowName() == null || request.workflowName().isBlank()
                ? template.name() : request.workflowName().strip());
        Workflow workflow = workflows.importWorkflow(name, summary(template.description()), definitionJson);
        store.insertInstallation(workflow.id(), template.id(), template.version(), PayloadJson.write(chosen),
                PayloadJson.write(parameters), definitionJson, CurrentUser.name());
        audit.record("template.installed", "workflow", workflow.id().toString(), Map.of("templateId", template.id(),
                "templateVersion", template.version(), "connections", chosen));
        StoredDefinition stored = versions.get(workflow.id(), workflow.latestVersion());
        return new InstallResult(workflow.id(), workflow.name(), stored.version().version(), template.id(),
                template.version(), List.copyOf(mappingIds.values()), tables,
                stored.problems().stream().map(p -> new TemplateProblem(p.path(), p.nodeId(), p.message())).toList());
    }

    /** The template's definition with connections, parameter values and mapping ids filled in. */
    static Map<String, Object> filled(Template template, Map<String, String> connections,
                                      Map<String, Object> parameters, Map<String, ?> mappings) {
        return Placeholders.fillDefinition(template.definition(), ref -> switch (ref.kind()) {
            case Placeholders.REQUIREMENT -> connections.get(ref.key());
            case Placeholders.PARAMETER -> parameters.containsKey(ref.key()) ? parameters.get(ref.key())
                    : template.parameters().stream().filter(p -> p.key().equals(ref.key())).findFirst()
                    .map(TemplateChecks::sampleValue).orElse("");
            default -> {
                Object mapping = mappings.get(ref.key());
                yield mapping instanceof UUID id ? id.toString() : mapping;
            }
        });
    }

    /** Per requirement the connection chosen, else the sandbox one; each must exist and be of the right connector. */
    Map<String, String> chosenConnections(Template template, Map<String, String> given, List<FieldProblem> problems) {
        for (String key : given.keySet()) {
            if (TemplateChecks.requirement(template, key).isEmpty()) {
                problems.add(new FieldProblem("connections." + key, "is not a requirement of template '"
                        + template.id() + "'; its requirements: " + template.requirements().stream()
                        .map(Template.Requirement::key).toList()));
            }
        }
        Map<String, String> chosen = new LinkedHashMap<>();
        for (Template.Requirement requirement : template.requirements()) {
            String id = given.get(requirement.key());
            if (id == null || id.isBlank()) {
                id = sandboxConnection(requirement.connector());
            }
            String field = "connections." + requirement.key();
            var connector = connections.connectorOfConnection(id);
            if (connector.isEmpty()) {
                problems.add(new FieldProblem(field, "there is no connection '" + id + "'; choose an existing "
                        + requirement.connector() + " connection or create one"));
            } else if (!connector.get().equals(requirement.connector())) {
                problems.add(new FieldProblem(field, "connection '" + id + "' is of connector " + connector.get()
                        + ", the requirement needs " + requirement.connector()));
            } else {
                chosen.put(requirement.key(), id);
            }
        }
        return chosen;
    }

    private List<String> installLookupTables(Template template) {
        List<String> created = new ArrayList<>();
        List<String> existing = lookupTables.list().stream().map(LookupTable::name).toList();
        for (Template.TemplateLookupTable table : template.lookupTables()) {
            if (existing.contains(table.name())) {
                continue; // the installation's own entries win over the template's defaults
            }
            var missingKey = LookupTable.policy(table.missingKey() == null ? "error" : table.missingKey())
                    .orElseThrow(() -> new InvalidInputException("lookupTables.missingKey",
                            "must be error, null or passThrough"));
            lookupTables.restore(table.name(), new LookupTableService.Settings(
                    table.description() == null ? "" : table.description(), missingKey,
                    table.keyLabel() == null ? "key" : table.keyLabel(),
                    table.valueLabel() == null ? "value" : table.valueLabel()),
                    table.entries() == null ? Map.of() : table.entries());
            created.add(table.name());
        }
        return created;
    }

    Map<String, UUID> installMappings(Template template) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (Template.TemplateMapping mapping : template.mappings()) {
            ids.put(mapping.key(), existingMapping(mapping).orElseGet(() -> {
                StoredMapping created = mappings.create(freeMappingName(mapping), mapping.description() == null ? ""
                        : mapping.description(), mapping.definition());
                mappings.publish(created.id(), 1);
                return created.id();
            }));
        }
        return ids;
    }

    /**
     * The stored mapping ids a template's mappings would get, without creating any: the one of that name (or a
     * numbered name) with the same definition, else a text saying it is new.
     */
    Map<String, Object> plannedMappings(Template template) {
        Map<String, Object> ids = new LinkedHashMap<>();
        for (Template.TemplateMapping mapping : template.mappings()) {
            ids.put(mapping.key(), existingMapping(mapping).<Object>map(UUID::toString)
                    .orElse("(new mapping " + mapping.name() + ")"));
        }
        return ids;
    }

    private java.util.Optional<UUID> existingMapping(Template.TemplateMapping mapping) {
        Object wanted = PayloadJson.read(PayloadJson.write(mapping.definition()));
        for (int n = 1; ; n++) {
            var same = mappings.findByName(n == 1 ? mapping.name() : mapping.name() + " (" + n + ")");
            if (same.isEmpty()) {
                return java.util.Optional.empty();
            }
            if (PayloadJson.read(mappings.runningDefinition(same.get())).equals(wanted)) {
                return java.util.Optional.of(same.get().id());
            }
        }
    }

    private String freeMappingName(Template.TemplateMapping mapping) {
        String name = mapping.name();
        for (int n = 2; mappings.findByName(name).isPresent(); n++) {
            name = mapping.name() + " (" + n + ")";
        }
        return name;
    }

    private String freeName(String wanted) {
        String name = wanted;
        for (int n = 2; workflowRows.nameTaken(name, null); n++) {
            String suffix = " (" + n + ")";
            name = (wanted.length() + suffix.length() > WorkflowService.NAME_MAX_LENGTH
                    ? wanted.substring(0, WorkflowService.NAME_MAX_LENGTH - suffix.length()) : wanted) + suffix;
        }
        return name;
    }

    /** The first paragraph of a markdown description, at most what a workflow's description holds. */
    static String summary(String markdown) {
        String text = markdown == null ? "" : markdown.strip();
        int end = text.indexOf("\n\n");
        String first = (end < 0 ? text : text.substring(0, end)).replaceAll("\\s+", " ").strip();
        return first.length() > WorkflowService.DESCRIPTION_MAX_LENGTH
                ? first.substring(0, WorkflowService.DESCRIPTION_MAX_LENGTH) : first;
    }
}
