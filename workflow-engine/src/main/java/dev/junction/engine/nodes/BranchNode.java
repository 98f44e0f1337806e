package dev.junction.engine.nodes;

import dev.junction.engine.runs.StepResult;
import dev.junction.engine.schema.Schemas;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Chooses a path: the port of the first condition that holds, else {@code else}. Its output is {@code {port}}. */
public final class BranchNode implements NodeKind {

    public static final String TYPE = "branch";
    public static final String ELSE = "else";
    /** What a condition's port name looks like (as a node id does). */
    static final Pattern PORT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    /** The config of a branch node: its conditions, tried in order. */
    public record Config(List<Condition> conditions) {

        static Config of(Map<String, Object> config) {
            List<Condition> conditions = new ArrayList<>();
            if (config.get("conditions") instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> condition && condition.get("port") instanceof String port) {
                        conditions.add(new Condition(port, (String) condition.get("expression")));
                    }
                }
            }
            return new Config(List.copyOf(conditions));
        }
    }

    /** A condition: the port taken when the expression holds. */
    public record Condition(String port, String expression) {
    }

    BranchNode() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Branch";
    }

    @Override
    public String description() {
        return "Chooses a path: the port of the first condition that holds, else the 'else' port.";
    }

    @Override
    public Map<String, Object> configSchema() {
        Map<String, Object> condition = Schemas.object()
                .required("port", Schemas.titled("Port", Schemas.pattern("The port taken when the expression holds:"
                        + " a letter, then letters, digits, _ or - (at most 64 characters); not 'else'.",
                        "^" + PORT_NAME.pattern() + "$")))
                .required("expression", ConfigSchemas.expression("Condition", "An expression, true when the"
                        + " port is to be taken, such as nodes.getOrder.total > 100."))
                .build();
        return ConfigSchemas.config(this, Schemas.object()
                .required("conditions", Schemas.titled("Conditions", Schemas.with(Schemas.array("Tried in order;"
                        + " the first that holds decides the port.", condition), "minItems", 1))), List.of(
                Map.of("conditions", List.of(
                        Map.of("port", "large", "expression", "nodes.getOrder.total > 100"),
                        Map.of("port", "express", "expression", "trigger.shipping == 'express'")))));
    }

    @Override
    public List<Port> ports() {
        return List.of(new Port(ELSE, "Taken when no condition holds."));
    }

    @Override
    public Optional<String> dynamicPorts() {
        return Optional.of("one port per conditions[].port, in order, before 'else'; taken when its expression is"
                + " the first that holds");
    }

    @Override
    public List<String> ports(Map<String, Object> config) {
        Set<String> ports = new LinkedHashSet<>();
        Config.of(config).conditions().forEach(condition -> ports.add(condition.port()));
        ports.add(ELSE);
        return List.copyOf(ports);
    }

    @Override
    public String onwardPort() {
        return ELSE;
    }

    @Override
    public boolean sideEffects() {
        return false;
    }

    @Override
    public void validate(Map<String, Object> config, NodeCheck check) {
        if (!(config.get("conditions") instanceof List<?> conditions) || conditions.isEmpty()) {
            check.problem("conditions", "is required: a non-empty array of {port, expression}");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < conditions.size(); i++) {
            String path = "conditions[" + i + "]";
            if (!(conditions.get(i) instanceof Map<?, ?> condition)) {
                check.problem(path, "must be an object {port, expression}");
                continue;
            }
            Object port = condition.get("port");
            if (!(port instanceof String name) || !PORT_NAME.matcher(name).matches() || name.equals(ELSE)) {
                check.problem(path + ".port", "must be a port name (a letter, then letters, digits, _ or -; at most"
                        + " 64 characters) other than 'else', was " + port);
            } else if (!seen.add(name)) {
                check.problem(path + ".port", "'" + name + "' is the port of another condition too; ports are"
                        + " unique");
            }
            if (!(condition.get("expression") instanceof String expression) || expression.isBlank()) {
                check.problem(path + ".expression", "is required: a condition expression");
            } else {
                check.parses(path + ".expression", expression);
            }
        }
    }

    @Override
    public List<ConfigCode> code(Map<String, Object> config, String configPath) {
        List<ConfigCode> found = new ArrayList<>();
        if (config.get("conditions") instanceof List<?> conditions) {
            for (int i = 0; i < conditions.size(); i++) {
                if (conditions.get(i) instanceof Map<?, ?> condition) {
                    ConfigCode.expression(condition.get("expression"), configPath + ".conditions[" + i
                            + "].expression", found);
                }
            }
        }
        return found;
    }

    @Override
    public StepResult run(StepContext step) {
        for (Condition condition : Config.of(step.node().config()).conditions()) {
            if (step.test(condition.expression())) {
                return new StepResult.Done(null, Map.of("port", condition.port()), Set.of(condition.port()));
            }
        }
        return new StepResult.Done(null, Map.of("port", ELSE), Set.of(ELSE));
    }
}
