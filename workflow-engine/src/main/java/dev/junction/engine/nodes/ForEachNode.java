package dev.junction.engine.nodes;

import dev.junction.engine.runs.StepResult;
import dev.junction.engine.schema.Schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs its body once per item of an array: the nodes its {@code body} port leads to, up to {@code concurrency}
 * items at a time; then goes on by {@code done} with {@code {items: [each item's last output]}}. Loops do not nest
 * (a loop inside a body goes into a subflow).
 */
public final class ForEachNode implements NodeKind {

    public static final String TYPE = "forEach";
    public static final String BODY = "body";
    public static final String DONE = "done";
    public static final int MAX_CONCURRENCY = 32;

    /** The config of a forEach node. */
    public record Config(String items, int concurrency) {

        static Config of(Map<String, Object> config) {
            return new Config((String) config.get("items"),
                    config.get("concurrency") instanceof Number number ? number.intValue() : 1);
        }
    }

    ForEachNode() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "For each";
    }

    @Override
    public String description() {
        return "Runs its body once per item of an array, then goes on with every item's result.";
    }

    @Override
    public Map<String, Object> configSchema() {
        return ConfigSchemas.config(this, Schemas.object()
                .required("items", ConfigSchemas.expression("Items", "An expression giving the array to loop over,"
                        + " such as nodes.getOrder.lines; the body sees the item as vars.item, its index as"
                        + " vars.index."))
                .optional("concurrency", Schemas.titled("Concurrency", Schemas.defaulting(1L, Schemas.integer(
                        "How many items run at a time, 1 to " + MAX_CONCURRENCY + ".", 1, MAX_CONCURRENCY)))),
                List.of(Map.of("items", "nodes.getOrder.lines"),
                        Map.of("items", "trigger.orders", "concurrency", 4L)));
    }

    @Override
    public List<Port> ports() {
        return List.of(new Port(BODY, "Leads into the body, run once per item; an edge from the body's end back"
                        + " to the forEach ends the item."),
                new Port(DONE, "Taken when every item is done; the output is {items: [each item's last output]}."));
    }

    @Override
    public String onwardPort() {
        return DONE;
    }

    @Override
    public boolean sideEffects() {
        return true;
    }

    @Override
    public void validate(Map<String, Object> config, NodeCheck check) {
        check.expression(config, "items");
        if (config.containsKey("concurrency") && !NodeCheck.wholeBetween(config.get("concurrency"), 1,
                MAX_CONCURRENCY)) {
            check.problem("concurrency", "must be a whole number from 1 to " + MAX_CONCURRENCY + ", was "
                    + config.get("concurrency"));
        }
    }

    @Override
    public List<ConfigCode> code(Map<String, Object> config, String configPath) {
        List<ConfigCode> found = new ArrayList<>();
        ConfigCode.expression(config.get("items"), configPath + ".items", found);
        return found;
    }

    @Override
    public StepResult run(StepContext step) {
        if (step.task().forEachId() != null) {
            return StepResult.failed(null, "NestedForEach", "a forEach inside the body of forEach '"
                    + step.task().forEachId() + "' is not supported: move the inner loop into a subflow");
        }
        Config config = Config.of(step.node().config());
        Object items = step.evaluate(config.items());
        if (!(items instanceof List<?> list)) {
            return StepResult.failed(null, "ItemsNotAnArray", "items must be an array, was "
                    + (items == null ? "null" : StepValues.describe(items)));
        }
        return new StepResult.Items(null, List.copyOf(list.stream().map(item -> (Object) item).toList()),
                config.concurrency());
    }
}
