package dev.junction.engine.nodes;

import dev.junction.engine.runs.StepResult;
import dev.junction.engine.schema.Schemas;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs a JavaScript function body in the sandbox; what it {@code return}s is the output. */
public final class ScriptNode implements NodeKind {

    public static final String TYPE = "script";
    public static final int MAX_LENGTH = 100_000;

    /** The config of a script node. */
    public record Config(String code) {

        static Config of(Map<String, Object> config) {
            return new Config((String) config.get("code"));
        }
    }

    ScriptNode() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Script";
    }

    @Override
    public String description() {
        return "Runs a JavaScript function body over trigger, nodes and vars; what it returns is the output.";
    }

    @Override
    public Map<String, Object> configSchema() {
        return ConfigSchemas.config(this, Schemas.object()
                .required("code", Schemas.with(ConfigSchemas.expression("Code", "A JavaScript function body that"
                        + " returns the output, at most " + MAX_LENGTH + " characters."), "maxLength", MAX_LENGTH)),
                List.of(Map.of("code", "return { total: nodes.getOrder.lines.reduce((sum, line) => sum"
                        + " + line.price, 0) };")));
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
    public void validate(Map<String, Object> config, NodeCheck check) {
        if (check.text(config, "code", "the script's code")) {
            String code = (String) config.get("code");
            if (code.length() > MAX_LENGTH) {
                check.problem("code", "must have at most " + MAX_LENGTH + " characters, has " + code.length());
            } else {
                check.syntax().syntaxErrorOfScript(code).ifPresent(error -> check.problem("code", error));
            }
        }
    }

    @Override
    public List<ConfigCode> code(Map<String, Object> config, String configPath) {
        return config.get("code") instanceof String code ? List.of(new ConfigCode(configPath + ".code", code, true))
                : List.of();
    }

    @Override
    public StepResult run(StepContext step) {
        return new StepResult.Done(null, step.session().runScript(Config.of(step.node().config()).code(),
                step.scope()), Set.of(OUT));
    }
}
