package dev.junction.backend.templates;

import dev.junction.backend.api.InvalidInputException.FieldProblem;
import dev.junction.engine.connectors.ConnectorCatalog;
import dev.junction.engine.definition.DefinitionFormatException;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.DefinitionProblem;
import dev.junction.engine.definition.DefinitionValidator;
import dev.junction.engine.definition.ExpressionSyntax;
import dev.junction.engine.definition.NotifyChannels;
import dev.junction.engine.definition.OperationCatalog;
import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.mapping.MappingCompiler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a template is sound: its fields (id, version, name, requirements of installed connectors, parameters of
 * known types whose defaults fit), every placeholder naming a requirement, parameter or mapping it has, and its
 * definition — with each requirement standing for a connection of its connector, each parameter for its default
 * and each mapping inline — passing the workflow validator with no problem. Each problem is named by its field
 * ({@code definition.nodes[2].config.operation}).
 */
@Component
class TemplateChecks {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");
    /** The connection id a requirement stands for while its template is checked. */
    private static final String REQUIREMENT_CONNECTION = "template-requirement-";

    private final ConnectorCatalog connectors;
    private final OperationCatalog operations;
    private final ExpressionSyntax expressions;
    private final MappingCompiler mappings;
    private final NotifyChannels channels;

    TemplateChecks(ConnectorCatalog connectors, OperationCatalog operations, ExpressionSyntax expressions,
                   MappingCompiler mappings, NotifyChannels channels) {
        this.channels = channels;
        this.connectors = connectors;
        this.operations = operations;
        this.expressions = expressions;
        this.mappings = mappings;
    }

    /** Every problem of the template; empty when it can be installed and its workflow published. */
    List<FieldProblem> problems(Template template) {
        List<FieldProblem> problems = new ArrayList<>();
        if (template.id() == null || !ID.matcher(template.id()).matches()) {
            problems.add(new FieldProblem("id", "must be 1 to 63 lower-case letters, digits and dashes, starting"
                    + " with a letter or digit"));
        }
        if (template.version() < 1) {
            problems.add(new FieldProblem("version", "must be 1 or more"));
        }
        if (template.name() == null || template.name().isBlank() || template.name().length() > 120) {
            problems.add(new FieldProblem("name", "is required, at most 120 characters"));
        }
        if (template.description() == null || template.description().length() > 20_000) {
            problems.add(new FieldProblem("description", "is required (markdown), at most 20000 characters"));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < template.requirements().size(); i++) {
            Template.Requirement requirement = template.requirements().get(i);
            String field = "requirements[" + i + "]";
            checkKey(requirement.key(), field, keys, problems);
            if (requirement.connector() == null || connectors.find(requirement.connector()).isEmpty()) {
                problems.add(new FieldProblem(field + ".connector", "must be an installed connector ("
                        + connectors.all().stream().map(c -> c.descriptor().id()).sorted().toList() + "), was "
                        + requirement.connector()));
            } else if (!template.connectors().contains(requirement.connector())) {
                problems.add(new FieldProblem("connectors", "must list " + requirement.connector()
                        + ", the connector of requirement '" + requirement.key() + "'"));
            }
            if (requirement.label() == null || requirement.label().isBlank()) {
                problems.add(new FieldProblem(field + ".label", "is required"));
            }
        }
        keys.clear();
        for (int i = 0; i < template.parameters().size(); i++) {
            Template.Parameter parameter = template.parameters().get(i);
            String field = "parameters[" + i + "]";
            checkKey(parameter.key(), field, keys, problems);
            if (parameter.label() == null || parameter.label().isBlank()) {
                problems.add(new FieldProblem(field + ".label", "is required"));
            }
            if (parameter.type() == null || !ParameterValues.TYPES.contains(parameter.type())) {
                problems.add(new FieldProblem(field + ".type", "must be one of " + ParameterValues.TYPES.stream()
                        .sorted().toList() + ", was " + parameter.type()));
            } else if ("enum".equals(parameter.type()) && parameter.options().isEmpty()) {
                problems.add(new FieldProblem(field + ".options", "must list the choices of an enum parameter"));
            } else if (parameter.defaultValue() != null) {
                String problem = ParameterValues.problemOf(parameter, parameter.defaultValue());
                if (problem != null) {
                    problems.add(new FieldProblem(field + ".defaultValue", problem));
                }
            }
        }
        keys.clear();
        for (int i = 0; i < template.mappings().size(); i++) {
            Template.TemplateMapping mapping = template.mappings().get(i);
            checkKey(mapping.key(), "mappings[" + i + "]", keys, problems);
            if (mapping.name() == null || mapping.name().isBlank()) {
                problems.add(new FieldProblem("mappings[" + i + "].name", "is required"));
            }
            if (mapping.definition() == null) {
                problems.add(new FieldProblem("mappings[" + i + "].definition", "is required: a mapping document"));
            }
        }
        for (int i = 0; i < template.lookupTables().size(); i++) {
            if (template.lookupTables().get(i).name() == null || template.lookupTables().get(i).name().isBlank()) {
                problems.add(new FieldProblem("lookupTables[" + i + "].name", "is required"));
            }
        }
        checkSampleRun(template, problems);
        if (template.definition() == null) {
            problems.add(new FieldProblem("definition", "is required: a workflow definition with placeholders"));
            return problems;
        }
        for (Placeholders.Ref ref : Placeholders.in(template.definition())) {
            boolean known = switch (ref.kind()) {
                case Placeholders.REQUIREMENT -> requirement(template, ref.key()).isPresent();
                case Placeholders.PARAMETER -> template.parameters().stream().anyMatch(p -> p.key().equals(ref.key()));
                default -> template.mappings().stream().anyMatch(m -> ref.key().equals(m.key()));
            };
            if (!known) {
                problems.add(new FieldProblem("definition", "names " + ref.text() + ", which the template does not"
                        + " declare under " + ref.kind() + "s"));
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(definitionProblems(template));
        }
        return problems;
    }

    /**
     * The sample run's parameters are the template's, with values of their types; its unique fields are top-level
     * text fields of the sample input.
     */
    private static void checkSampleRun(Template template, List<FieldProblem> problems) {
        template.sampleRun().parameters().forEach((key, value) -> {
            var parameter = template.parameters().stream().filter(each -> each.key().equals(key)).findFirst();
            String problem = parameter.isEmpty() ? "is not a parameter of the template; its parameters: "
                    + template.parameters().stream().map(Template.Parameter::key).toList()
                    : value == null ? "is required: a value of " + parameter.get().label()
                    : !ParameterValues.TYPES.contains(parameter.get().type()) ? null // its type is the problem
                    : ParameterValues.problemOf(parameter.get(), value);
            if (problem != null) {
                problems.add(new FieldProblem("sampleRun.parameters." + key, problem));
            }
        });
        List<String> fields = template.sampleRun().uniqueFields();
        for (int i = 0; i < fields.size(); i++) {
            if (!(template.sampleInput().get(fields.get(i)) instanceof String)) {
                problems.add(new FieldProblem("sampleRun.uniqueFields[" + i + "]", "must name a text field at the top"
                        + " of sampleInput (made unique for each sample run), was '" + fields.get(i) + "'"));
            }
        }
    }

    private List<FieldProblem> definitionProblems(Template template) {
        Map<String, Object> filled = Placeholders.fillDefinition(template.definition(), ref -> switch (ref.kind()) {
            case Placeholders.REQUIREMENT -> REQUIREMENT_CONNECTION + ref.key();
            case Placeholders.PARAMETER -> template.parameters().stream().filter(p -> p.key().equals(ref.key()))
                    .findFirst().map(TemplateChecks::sampleValue).orElse("");
            default -> template.mappings().stream().filter(m -> ref.key().equals(m.key())).findFirst()
                    .map(Template.TemplateMapping::definition).orElse(Map.of());
        });
        OperationCatalog withRequirements = new OperationCatalog() {
            @Override
            public Optional<String> connectorOfConnection(String connectionId) {
                if (connectionId.startsWith(REQUIREMENT_CONNECTION)) {
                    return requirement(template, connectionId.substring(REQUIREMENT_CONNECTION.length()))
                            .map(Template.Requirement::connector);
                }
                return operations.connectorOfConnection(connectionId);
            }

            @Override
            public boolean hasOperation(String connectorId, String operationId) {
                return operations.hasOperation(connectorId, operationId);
            }

            @Override
            public Optional<Map<String, Object>> inputSchema(String connectorId, String operationId) {
                return operations.inputSchema(connectorId, operationId);
            }
        };
        DefinitionValidator validator = new DefinitionValidator(withRequirements, expressions, mappings::check,
                channels);
        List<DefinitionProblem> found;
        try {
            found = validator.validate(DefinitionJson.read(PayloadJson.write(filled)));
        } catch (DefinitionFormatException e) {
            found = e.problems();
        }
        return found.stream().map(problem -> new FieldProblem("definition" + problem.path().substring(1),
                problem.message().replace(REQUIREMENT_CONNECTION, "requirement "))).toList();
    }

    static Optional<Template.Requirement> requirement(Template template, String key) {
        return template.requirements().stream().filter(r -> r.key().equals(key)).findFirst();
    }

    /** The value a parameter takes while its template is checked or previewed: its default, else one of its type. */
    static Object sampleValue(Template.Parameter parameter) {
        if (parameter.defaultValue() != null) {
            return parameter.defaultValue();
        }
        return switch (parameter.type()) {
            case "integer", "number" -> 1;
            case "boolean" -> true;
            case "enum" -> parameter.options().isEmpty() ? "" : parameter.options().getFirst();
            case "cron" -> "0 0 * * * ?";
            default -> "sample";
        };
    }

    private static void checkKey(String key, String field, Set<String> keys, List<FieldProblem> problems) {
        if (key == null || !KEY.matcher(key).matches()) {
            problems.add(new FieldProblem(field + ".key", "must be a letter, then letters, digits, _ or -"
                    + " (at most 63)"));
        } else if (!keys.add(key)) {
            problems.add(new FieldProblem(field + ".key", "must be unique: '" + key + "' is there twice"));
        }
    }
}
