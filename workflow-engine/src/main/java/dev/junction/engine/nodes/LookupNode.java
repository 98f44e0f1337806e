package dev.junction.engine.nodes;

import dev.junction.engine.runs.StepResult;
import dev.junction.engine.schema.Schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Looks a key up in a lookup table; a missing key follows the table's policy (null, the key itself, or a failure). */
public final class LookupNode implements NodeKind {

    public static final String TYPE = "lookup";

    /** The config of a lookup node. */
    public record Config(String table, String key) {

        static Config of(Map<String, Object> config) {
            return new Config((String) config.get("table"), (String) config.get("key"));
        }
    }

    LookupNode() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Lookup";
    }

    @Override
    public String description() {
        return "Looks a key up in a lookup table; the output is the value found.";
    }

    @Override
    public Map<String, Object> configSchema() {
        return ConfigSchemas.config(this, Schemas.object()
                .required("table", ConfigSchemas.text("Table", "The lookup table's name."))
                .required("key", ConfigSchemas.expression("Key", "An expression giving the key, such as"
                        + " nodes.getOrder.sku; a whole number is looked up without a decimal point.")),
                List.of(Map.of("table", "sku-to-asin", "key", "nodes.getOrder.sku")));
    }

    @Override
    public List<Port> ports() {
        return List.of(OUT_PORT);
    }

    @Override
    public boolean sideEffects() {
        return true;
    }

    @Override
    public void validate(Map<String, Object> config, NodeCheck check) {
        check.text(config, "table", "the lookup table's name");
        check.expression(config, "key");
    }

    @Override
    public List<ConfigCode> code(Map<String, Object> config, String configPath) {
        List<ConfigCode> found = new ArrayList<>();
        ConfigCode.expression(config.get("key"), configPath + ".key", found);
        return found;
    }

    @Override
    public StepResult run(StepContext step) {
        Config config = Config.of(step.node().config());
        Object key = step.evaluate(config.key());
        String text = key instanceof Double number && number == Math.rint(number)
                ? Long.toString(number.longValue()) : String.valueOf(key);
        Map<String, Object> input = Map.of("table", config.table(), "key", text);
        Optional<Object> found = step.services().lookups().find(config.table(), text);
        if (found.isPresent()) {
            return new StepResult.Done(input, found.get(), Set.of(OUT));
        }
        // a missing key follows the table's policy, as it does in mappings
        return switch (step.services().lookups().missingKeyPolicy(config.table())) {
            case NULL -> new StepResult.Done(input, null, Set.of(OUT));
            case PASS_THROUGH -> new StepResult.Done(input, text, Set.of(OUT));
            case ERROR -> StepResult.failed(input, "LookupMissing", "lookup table '" + config.table()
                    + "' has no key '" + text + "'");
        };
    }
}
