package dev.junction.engine.nodes;

import dev.junction.engine.connectors.ConnectorCall;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.runs.RunStore;
import dev.junction.engine.runs.StepResult;
import dev.junction.engine.schema.Schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Calls one operation of a connection. Its input is an object of fields (texts may hold {{ expression }}) or one
 * {{ expression }} giving the whole object. The step's idempotency key goes with the call; a replayed run's step
 * answers the output remembered under that key instead of calling again.
 */
public final class ConnectorNode implements NodeKind {

    public static final String TYPE = "connector";

    /** The config of a connector node. */
    public record Config(String connection, String operation, Object input) {

        static Config of(Map<String, Object> config) {
            return new Config((String) config.get("connection"), (String) config.get("operation"),
                    config.getOrDefault("input", Map.of()));
        }
    }

    ConnectorNode() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Connector";
    }

    @Override
    public String description() {
        return "Calls an operation of a connection (an API call) with an input built from expressions.";
    }

    @Override
    public Map<String, Object> configSchema() {
        return ConfigSchemas.config(this, Schemas.object()
                .required("connection", ConfigSchemas.connection())
                .required("operation", ConfigSchemas.text("Operation", "The operation of the connection's connector"
                        + " to call."))
                .optional("input", ConfigSchemas.input()), List.of(
                Map.of("connection", "amazon-eu", "operation", "getOrder",
                        "input", Map.of("orderId", "{{ trigger.orderId }}")),
                Map.of("connection", "amazon-eu", "operation", "createFulfillmentOrder",
                        "input", "{{ nodes.getOrder.fulfillmentRequest }}")));
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
    public boolean remembersOutput() {
        return true;
    }

    @Override
    public void validate(Map<String, Object> config, NodeCheck check) {
        check.connection(config, "operation");
        check.input(config);
    }

    @Override
    public List<ConfigCode> code(Map<String, Object> config, String configPath) {
        List<ConfigCode> found = new ArrayList<>();
        ConfigCode.templates(config.get("input"), configPath + ".input", found);
        return found;
    }

    @Override
    public StepResult run(StepContext step) {
        Config config = Config.of(step.node().config());
        Object input = step.resolve(config.input());
        if (WholeInput.isWhole(config.input())) {
            Optional<StepResult.Failed> refused = WholeInput.refusal(config.input(), input,
                    step.services().connectors(), config.connection(), config.operation());
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        String key = step.task().idempotencyKey();
        // a step's output is remembered under its key in the transaction that ends the step (and its task):
        // a task claimed again can meet a remembered output only when its run was replayed
        Optional<RunStore.IdempotentOutput> done = step.task().runReplayed()
                ? step.services().store().idempotentOutput(key) : Optional.empty();
        if (done.isPresent()) {
            return new StepResult.Done(input, done.get().output(), Set.of(OUT));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) input;
        try {
            Object output = step.services().connectors().invoke(new ConnectorCall(config.connection(),
                    config.operation(), fields, key, step.task().possibleRepeat()));
            return new StepResult.Done(input, output, Set.of(OUT));
        } catch (ConnectorException e) {
            return StepResult.failed(input, e);
        }
    }
}
