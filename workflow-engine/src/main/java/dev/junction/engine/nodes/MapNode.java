package dev.junction.engine.nodes;

import dev.junction.engine.mapping.MappingDefinitionException;
import dev.junction.engine.mapping.MappingJson;
import dev.junction.engine.mapping.MappingProblem;
import dev.junction.engine.mapping.MappingResult;
import dev.junction.engine.runs.StepResult;
import dev.junction.engine.schema.Schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shapes data with a mapping: a stored one (by id, its published version) or one written inline in the node, run
 * on {@code source} (an expression; the trigger's payload when unset). The node's output is the mapping's output;
 * a mapping error fails the step. Configs of the older form ({@code rules}: target and JavaScript pairs) are read
 * as an equivalent inline mapping (see {@link LegacyMapRules}).
 */
public final class MapNode implements NodeKind {

    public static final String TYPE = "map";

    /**
     * The config of a map node: the mapping (a stored mapping's id, a {@code String}, or an inline mapping document,
     * a {@code Map}) and the source expression (null: the trigger's payload).
     */
    public record Config(Object mapping, String source) {

        static Config of(Map<String, Object> config) {
            Map<String, Object> current = LegacyMapRules.upgrade(config);
            return new Config(current.get("mapping"), (String) current.get("source"));
        }

        /** The stored mapping's id; empty when the mapping is inline. */
        public Optional<String> mappingId() {
            return mapping instanceof String id ? Optional.of(id) : Optional.empty();
        }

        /** The inline mapping document; empty when the mapping is stored. */
        @SuppressWarnings("unchecked")
        public Optional<Map<String, ?>> inline() {
            return mapping instanceof Map<?, ?> inline ? Optional.of((Map<String, ?>) inline) : Optional.empty();
        }
    }

    MapNode() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Map";
    }

    @Override
    public String description() {
        return "Shapes data with a mapping, stored (by id) or written inline; its output is the mapped record.";
    }

    @Override
    public Map<String, Object> configSchema() {
        Map<String, Object> mapping = Schemas.titled("Mapping", Schemas.with(Schemas.anyValue("The id of a stored"
                + " mapping (its published version runs), or a mapping document written inline ({schemaVersion: 1,"
                + " source, target, rules})."), "type", List.of("string", "object")));
        return ConfigSchemas.config(this, Schemas.object()
                .required("mapping", mapping)
                .optional("source", ConfigSchemas.expression("Source", "An expression giving the record to map,"
                        + " such as nodes.getOrder; the trigger's payload when unset.")), List.of(
                Map.of("mapping", "amazon-order-to-opayo"),
                Map.of("mapping", Map.of("schemaVersion", 1L, "rules", List.of(
                        Map.of("target", "orderId", "from", "AmazonOrderId"),
                        Map.of("target", "total", "from", "OrderTotal.Amount"))),
                        "source", "nodes.getOrder")));
    }

    @Override
    public List<Port> ports() {
        return List.of(OUT_PORT);
    }

    @Override
    public boolean sideEffects() {
        return false;
    }

    @Override
    public Map<String, Object> upgrade(Map<String, Object> config) {
        return LegacyMapRules.upgrade(config);
    }

    @Override
    public void validate(Map<String, Object> config, NodeCheck check) {
        Map<String, Object> current = LegacyMapRules.upgrade(config);
        if (current.containsKey(LegacyMapRules.RULES)) {
            LegacyMapRules.problems(current, check);
            return;
        }
        if (current.get("mapping") instanceof Map<?, ?> inline) {
            for (MappingProblem problem : check.mappings().check(MappingJson.read(inline))) {
                if (problem.isError()) {
                    check.problem("mapping." + problem.path(), problem.message());
                }
            }
        } else {
            check.text(current, "mapping", "the id of a stored mapping or a mapping object");
        }
    }

    @Override
    public List<ConfigCode> code(Map<String, Object> config, String configPath) {
        List<ConfigCode> found = new ArrayList<>();
        Map<String, Object> current = LegacyMapRules.upgrade(config);
        ConfigCode.expression(current.get("source"), configPath + ".source", found);
        if (current.get("mapping") instanceof Map<?, ?> mapping && mapping.get("rules") instanceof List<?> rules) {
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i) instanceof Map<?, ?> rule) {
                    ConfigCode.expression(rule.get("expression"), configPath + ".mapping.rules[" + i + "].expression",
                            found);
                }
            }
        }
        return found;
    }

    @Override
    public StepResult run(StepContext step) {
        Config config = Config.of(step.node().config());
        Object source = config.source() != null ? step.evaluate(config.source()) : step.scope().trigger();
        MappingResult result;
        try {
            Optional<String> mappingId = config.mappingId();
            if (mappingId.isPresent()) {
                Optional<MappingResult> stored = step.services().mappings().apply(mappingId.get(), source);
                if (stored.isEmpty()) {
                    return StepResult.failed(null, "UnknownMapping", "there is no published mapping '"
                            + mappingId.get() + "'");
                }
                result = stored.get();
            } else {
                result = step.services().mappings().applyInline(config.inline().orElseThrow(), source);
            }
        } catch (MappingDefinitionException e) {
            return StepResult.failed(null, "InvalidMapping", e.getMessage());
        }
        if (result.hasErrors()) {
            List<MappingProblem> errors = result.problems().stream().filter(MappingProblem::isError).toList();
            StringBuilder message = new StringBuilder("the mapping's output has " + errors.size() + " error"
                    + (errors.size() == 1 ? "" : "s") + ": ");
            for (int i = 0; i < Math.min(10, errors.size()); i++) {
                MappingProblem problem = errors.get(i);
                message.append(i == 0 ? "" : "; ").append(problem.path()).append(": ").append(problem.message());
            }
            return StepResult.failed(null, "MappingError", message + (errors.size() > 10 ? "; …" : ""));
        }
        return new StepResult.Done(source, result.output(), Set.of(OUT));
    }
}
