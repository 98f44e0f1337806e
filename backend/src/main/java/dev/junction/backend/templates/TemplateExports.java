package dev.junction.backend.templates;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.InvalidInputException.FieldProblem;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.lookups.LookupTableService;
import dev.junction.backend.mappings.MappingService;
import dev.junction.backend.security.CurrentUser;
import dev.junction.backend.workflows.StoredDefinition;
import dev.junction.backend.workflows.WorkflowSampleService;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.backend.workflows.WorkflowVersionService;
import dev.junction.db.connections.ConnectionRepository;
import dev.junction.db.lookups.LookupTable;
import dev.junction.db.templates.TemplateRepository;
import dev.junction.db.workflows.Workflow;
import dev.junction.engine.connectors.ConnectorCatalog;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.Node;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.mapping.MappingJson;
import dev.junction.engine.mapping.MappingReferences;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Save as template (a workflow's version → a template: each connection becomes a requirement of its connector,
 * chosen values become parameters, stored mappings and the lookup tables they read go along, the trigger's pinned
 * sample becomes the sample input, and every text equal to a connection secret is blanked) and import fix-up (the
 * connections a definition names that this installation does not have, and what each may be mapped to).
 */
@Component
class TemplateExports {

    static final String STRIPPED = "";

    private final WorkflowService workflows;
    private final WorkflowVersionService versions;
    private final WorkflowSampleService samples;
    private final MappingService mappings;
    private final LookupTableService lookupTables;
    private final ConnectionRepository connections;
    private final ConnectorCatalog connectors;
    private final SecretValues secrets;
    private final TemplateCatalog catalog;
    private final TemplateChecks checks;
    private final TemplateRepository store;
    private final AuditTrail audit;

    TemplateExports(WorkflowService workflows, WorkflowVersionService versions, WorkflowSampleService samples,
                    MappingService mappings, LookupTableService lookupTables, ConnectionRepository connections,
                    ConnectorCatalog connectors, SecretValues secrets, TemplateCatalog catalog, TemplateChecks checks,
                    TemplateRepository store, AuditTrail audit) {
        this.workflows = workflows;
        this.versions = versions;
        this.samples = samples;
        this.mappings = mappings;
        this.lookupTables = lookupTables;
        this.connections = connections;
        this.connectors = connectors;
        this.secrets = secrets;
        this.catalog = catalog;
        this.checks = checks;
        this.store = store;
        this.audit = audit;
    }

    @SuppressWarnings("unchecked")
    Template saveAsTemplate(UUID workflowId, SaveAsTemplateRequest request) {
        Workflow workflow = workflows.get(workflowId);
        List<FieldProblem> problems = new ArrayList<>();
        if (request.templateId() == null || !TemplateChecks.ID.matcher(request.templateId()).matches()) {
            problems.add(new FieldProblem("templateId", "must be 1 to 63 lower-case letters, digits and dashes"));
        }
        StoredDefinition stored = versions.get(workflowId, request.version() == null ? workflow.latestVersion()
                : request.version());
        Map<String, Object> definition = (Map<String, Object>) PayloadJson.read(DefinitionJson.write(
                stored.definition()));

        // connections → requirements
        Map<String, String> requirementOf = new LinkedHashMap<>();
        List<Template.Requirement> requirements = new ArrayList<>();
        for (ConnectionReferences.Reference reference : ConnectionReferences.in(definition)) {
            if (requirementOf.containsKey(reference.connectionId())) {
                continue;
            }
            String connector = connections.connectorOf(reference.connectionId()).orElse(null);
            if (connector == null) {
                problems.add(new FieldProblem("definition", "node " + reference.nodeId() + " names connection '"
                        + reference.connectionId() + "', which does not exist here; fix it first"));
                continue;
            }
            String key = requirementKey(connector, requirementOf.values());
            requirementOf.put(reference.connectionId(), key);
            String connectorName = connectors.find(connector).map(c -> c.descriptor().name()).orElse(connector);
            requirements.add(new Template.Requirement(key, connector, connectorName,
                    "used by " + ConnectionReferences.in(definition).stream()
                            .filter(r -> r.connectionId().equals(reference.connectionId()))
                            .map(ConnectionReferences.Reference::nodeId).distinct().toList()));
        }

        // chosen values → parameters
        List<Template.Parameter> parameters = new ArrayList<>();
        List<SaveAsTemplateRequest.ParameterChoice> choices = request.parameters() == null ? List.of()
                : request.parameters();
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < choices.size(); i++) {
            SaveAsTemplateRequest.ParameterChoice choice = choices.get(i);
            String field = "parameters[" + i + "]";
            if (choice.key() == null || !TemplateChecks.KEY.matcher(choice.key()).matches() || !keys.add(choice.key())) {
                problems.add(new FieldProblem(field + ".key", "must be a unique key: a letter, then letters, digits,"
                        + " _ or -"));
                continue;
            }
            Map<String, Object> holder = nodeOrTrigger(definition, choice.nodeId());
            if (holder == null) {
                problems.add(new FieldProblem(field + ".nodeId", "must be a node of the version or 'trigger', was "
                        + choice.nodeId()));
                continue;
            }
            String[] path = choice.field() == null ? new String[0] : choice.field().split("\\.");
            Map<String, Object> parent = holder;
            for (int p = 0; p < path.length - 1 && parent != null; p++) {
                parent = parent.get(path[p]) instanceof Map<?, ?> inner ? (Map<String, Object>) inner : null;
            }
            if (path.length == 0 || parent == null || !parent.containsKey(path[path.length - 1])
                    || parent.get(path[path.length - 1]) instanceof Map || parent.get(path[path.length - 1]) instanceof List) {
                problems.add(new FieldProblem(field + ".field", "must be the dotted path of a text, number or"
                        + " true/false value in " + choice.nodeId() + " (e.g. config.input.currency), was "
                        + choice.field()));
                continue;
            }
            Object value = parent.get(path[path.length - 1]);
            parent.put(path[path.length - 1], "${parameter." + choice.key() + "}");
            String type = value instanceof Boolean ? "boolean" : value instanceof Long || value instanceof Integer
                    ? "integer" : value instanceof Number ? "number" : "string";
            parameters.add(new Template.Parameter(choice.key(), choice.label() == null || choice.label().isBlank()
                    ? choice.key() : choice.label(), type, List.of(), value, "From " + choice.nodeId() + " "
                    + choice.field(), false));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> templated = ConnectionReferences.replaced(definition,
                id -> requirementOf.containsKey(id) ? "${requirement." + requirementOf.get(id) + "}" : id);

        // stored mappings and the lookup tables they read go along
        List<Template.TemplateMapping> usedMappings = new ArrayList<>();
        Set<String> tables = new TreeSet<>();
        if (templated.get("nodes") instanceof List<?> nodes) {
            int n = 1;
            for (Object item : nodes) {
                Map<String, Object> node = (Map<String, Object>) item;
                Map<String, Object> config = (Map<String, Object>) node.get("config");
                if ("map".equals(node.get("type")) && config != null && config.get("mapping") instanceof String id) {
                    var found = storedMapping(id);
                    if (found != null) {
                        String key = "mapping" + n++;
                        String running = mappings.runningDefinition(found);
                        usedMappings.add(new Template.TemplateMapping(key, found.name(), found.description(),
                                (Map<String, Object>) PayloadJson.read(running)));
                        tables.addAll(MappingReferences.lookupTables(MappingJson.read(running).document()));
                        config.put("mapping", "${mapping." + key + "}");
                    }
                } else if ("map".equals(node.get("type")) && config != null
                        && config.get("mapping") instanceof Map<?, ?> inline) {
                    tables.addAll(MappingReferences.lookupTables(MappingJson.read(inline).document()));
                } else if ("lookup".equals(node.get("type")) && config != null
                        && config.get("table") instanceof String table) {
                    tables.add(table);
                }
            }
        }
        List<Template.TemplateLookupTable> usedTables = new ArrayList<>();
        for (LookupTable table : lookupTables.list()) {
            if (tables.contains(table.name())) {
                usedTables.add(new Template.TemplateLookupTable(table.name(), table.description(),
                        LookupTable.policyName(table.missingKey()), table.keyLabel(), table.valueLabel(),
                        lookupTables.allEntries(table.name())));
            }
        }
        Object sample = samples.sample(workflowId, "trigger", "out").orElse(Map.of());
        Set<String> secretValues = secrets.all();
        Template template = new Template(request.templateId(), nextVersion(request.templateId()),
                request.name() == null || request.name().isBlank() ? workflow.name() : request.name().strip(),
                request.description() == null || request.description().isBlank()
                        ? (workflow.description().isBlank() ? outline(stored.definition()) : workflow.description())
                        : request.description(),
                requirements.stream().map(Template.Requirement::connector).distinct().sorted().toList(),
                requirements, parameters, (Map<String, Object>) stripped(templated, secretValues),
                sample instanceof Map<?, ?> ? (Map<String, Object>) stripped(sample, secretValues) : Map.of(),
                usedMappings.stream().map(m -> new Template.TemplateMapping(m.key(), m.name(), m.description(),
                        (Map<String, Object>) stripped(m.definition(), secretValues))).toList(),
                usedTables.stream().map(t -> new Template.TemplateLookupTable(t.name(), t.description(),
                        t.missingKey(), t.keyLabel(), t.valueLabel(),
                        (Map<String, Object>) stripped(t.entries(), secretValues))).toList(), null);
        List<FieldProblem> templateProblems = checks.problems(template).stream()
                .filter(problem -> !problem.field().startsWith("definition")).toList();
        if (!templateProblems.isEmpty()) {
            throw new InvalidInputException(templateProblems);
        }
        if (!store.insertVersion(template.id(), template.version(), catalog.write(template), "saved",
                CurrentUser.name())) {
            throw new ConflictException("templateId", "Template " + template.id() + " version " + template.version()
                    + " was saved by someone else just now; save again.");
        }
        audit.record("template.saved", "template", template.id(), Map.of("version", template.version(),
                "workflowId", workflowId.toString()));
        return template;
    }

    /** The next version of a template id: 1 for a new one; refused for a bundled template's id. */
    private int nextVersion(String templateId) {
        var entries = catalog.all().stream().filter(entry -> entry.template().id().equals(templateId)).toList();
        if (entries.stream().anyMatch(entry -> TemplateCatalog.BUNDLED.equals(entry.source()))) {
            throw new ConflictException("templateId", "'" + templateId + "' is a bundled template; choose another"
                    + " id (an admin uploads new versions of bundled templates)");
        }
        return entries.isEmpty() ? 1 : entries.getLast().template().version() + 1;
    }

    /** The connections a definition names that do not exist here, with what each may be mapped to. */
    ImportFixUp fixUp(Map<String, Object> definition) {
        Map<String, List<String>> nodesOf = new LinkedHashMap<>();
        Map<String, Set<String>> connectorsOf = new LinkedHashMap<>();
        for (ConnectionReferences.Reference reference : ConnectionReferences.in(definition)) {
            if (reference.connectionId().startsWith("${") || connections.connectorOf(reference.connectionId())
                    .isPresent()) {
                continue;
            }
            nodesOf.computeIfAbsent(reference.connectionId(), id -> new ArrayList<>()).add(reference.nodeId());
            Set<String> possible = connectorsOf.computeIfAbsent(reference.connectionId(), id -> new TreeSet<>());
            if (reference.operation() != null) {
                connectors.all().stream().filter(c -> c.descriptor().operation(reference.operation()).isPresent())
                        .forEach(c -> possible.add(c.descriptor().id()));
            }
        }
        List<ImportFixUp.UnknownConnection> unknown = new ArrayList<>();
        var all = connections.all();
        nodesOf.forEach((id, nodes) -> {
            Set<String> possible = connectorsOf.get(id);
            String connector = possible.size() == 1 ? possible.iterator().next() : null;
            List<String> candidates = all.stream()
                    .filter(c -> connector == null ? possible.isEmpty() || possible.contains(c.connectorId())
                            : connector.equals(c.connectorId()))
                    .sorted((a, b) -> Boolean.compare(!a.id().endsWith("-sandbox"), !b.id().endsWith("-sandbox")))
                    .map(c -> c.id()).toList();
            unknown.add(new ImportFixUp.UnknownConnection(id, connector, List.copyOf(new LinkedHashSet<>(nodes)),
                    candidates));
        });
        return new ImportFixUp(unknown);
    }

    private dev.junction.db.mappings.StoredMapping storedMapping(String id) {
        try {
            return mappings.get(UUID.fromString(id));
        } catch (IllegalArgumentException | dev.junction.backend.api.NotFoundException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nodeOrTrigger(Map<String, Object> definition, String nodeId) {
        if ("trigger".equals(nodeId)) {
            return (Map<String, Object>) definition.get("trigger");
        }
        if (definition.get("nodes") instanceof List<?> nodes) {
            for (Object item : nodes) {
                if (item instanceof Map<?, ?> node && String.valueOf(node.get("id")).equals(nodeId)) {
                    return (Map<String, Object>) node;
                }
            }
        }
        return null;
    }

    /** A requirement key made of a connector id: {@code opayo-pi}, then {@code opayo-pi-2} for a second one. */
    private static String requirementKey(String connectionId, java.util.Collection<String> taken) {
        String base = connectionId.replaceAll("[^A-Za-z0-9_-]", "-");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "c" + base;
        }
        base = base.length() > 60 ? base.substring(0, 60) : base;
        String key = base;
        for (int n = 2; taken.contains(key); n++) {
            key = base + "-" + n;
        }
        return key;
    }

    /** A copy in which every text equal to (or containing) a secret value is blanked. */
    static Object stripped(Object value, Set<String> secrets) {
        return switch (value) {
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((key, item) -> copy.put(String.valueOf(key), stripped(item, secrets)));
                yield copy;
            }
            case List<?> list -> list.stream().map(item -> stripped(item, secrets)).toList();
            case String text -> secrets.stream().anyMatch(secret -> secret.length() >= 4 && text.contains(secret))
                    ? STRIPPED : text;
            case null, default -> value;
        };
    }

    /**
     * What a template saved without a description says on its gallery card: the trigger and the steps in order of
     * the definition ("Webhook → Map the order → Call the shop"), the first five and how many more.
     */
    static String outline(WorkflowDefinition definition) {
        List<String> parts = new ArrayList<>();
        parts.add(definition.trigger().kind().title());
        definition.nodes().stream().limit(5).map(Node::name).forEach(parts::add);
        String outline = String.join(" → ", parts);
        int more = definition.nodes().size() - 5;
        return more > 0 ? outline + " and " + more + (more == 1 ? " more step" : " more steps") : outline;
    }
}
