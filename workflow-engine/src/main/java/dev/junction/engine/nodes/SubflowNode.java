package dev.junction.engine.nodes;

import dev.junction.engine.runs.RunStatus;
import dev.junction.engine.runs.StepResult;
import dev.junction.engine.runs.TaskKind;
import dev.junction.engine.runs.WorkflowSource;
import dev.junction.engine.schema.Schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Runs the published version of another workflow as a child run and waits for it; the child's output is the
 * node's output, a child that does not succeed fails the node.
 */
public final class SubflowNode implements NodeKind {

    public static final String TYPE = "subflow";
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The config of a subflow node: the workflow to run and its input (an expression; null: the trigger's payload). */
    public record Config(UUID workflow, String input) {

        static Config of(Map<String, Object> config) {
            return new Config(UUID.fromString((String) config.get("workflow")), (String) config.get("input"));
        }
    }

    SubflowNode() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Subflow";
    }

    @Override
    public String description() {
        return "Runs the published version of another workflow and waits for its output.";
    }

    @Override
    public Map<String, Object> configSchema() {
        return ConfigSchemas.config(this, Schemas.object()
                .required("workflow", Schemas.titled("Workflow", Schemas.pattern("The id of the workflow to run"
                        + " (a UUID); its published version runs.", "^" + UUID_TEXT.pattern() + "$")))
                .optional("input", ConfigSchemas.expression("Input", "An expression giving the child run's"
                        + " trigger payload; the trigger's payload when unset.")),
                List.of(Map.of("workflow", "0b9b8f1e-3b5a-4a51-9d1c-2f7f6a3c1d10", "input", "nodes.getOrder")));
    }

    @Override
    public List<Port> ports() {
        return List.of(new Port(OUT, "Taken when the child run succeeded; the output is the child's output."));
    }

    @Override
    public boolean sideEffects() {
        return true;
    }

    @Override
    public void validate(Map<String, Object> config, NodeCheck check) {
        if (check.text(config, "workflow", "the id of the workflow to run")
                && !UUID_TEXT.matcher((String) config.get("workflow")).matches()) {
            check.problem("workflow", "must be a workflow id (a UUID such as"
                    + " 0b9b8f1e-3b5a-4a51-9d1c-2f7f6a3c1d10), was '" + config.get("workflow") + "'");
        }
    }

    @Override
    public List<ConfigCode> code(Map<String, Object> config, String configPath) {
        List<ConfigCode> found = new ArrayList<>();
        ConfigCode.expression(config.get("input"), configPath + ".input", found);
        return found;
    }

    @Override
    public StepResult run(StepContext step) {
        if (step.task().kind() == TaskKind.RESUME) {
            Map<?, ?> outcome = step.task().resumeValue() instanceof Map<?, ?> map ? map : Map.of();
            if (RunStatus.SUCCEEDED.jsonName().equals(outcome.get("status"))) {
                return new StepResult.Done(null, outcome.get("output"), Set.of(OUT));
            }
            return StepResult.failed(null, "SubflowFailed", "the subflow's run " + outcome.get("runId") + " ended "
                    + outcome.get("status") + (outcome.get("error") == null ? "" : ": " + outcome.get("error")));
        }
        Config config = Config.of(step.node().config());
        Optional<WorkflowSource.Published> published = step.services().workflows().published(config.workflow());
        if (published.isEmpty()) {
            return StepResult.failed(null, "SubflowNotPublished", "workflow " + config.workflow()
                    + " has no published version");
        }
        Object input = config.input() != null ? step.evaluate(config.input()) : step.scope().trigger();
        return new StepResult.StartChild(input, config.workflow(), published.get().version(),
                published.get().definition().firstNodes());
    }
}
