package dev.junction.backend.workflows;

import dev.junction.backend.runs.RunService;
import dev.junction.db.runs.RunDetail;
import dev.junction.db.runs.RunFilter;
import dev.junction.db.runs.RunSummary;
import dev.junction.db.runs.StepView;
import dev.junction.engine.expressions.ExpressionSession.Scope;
import org.springframework.stereotype.Service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The data the designer has for a workflow's nodes, as the scope a run's expressions see ({@code trigger},
 * {@code nodes.<id>}, {@code vars}): from a run (the one shown on the canvas, else the workflow's latest), else from
 * the pinned samples (the trigger's and each node's {@code out} port), else nothing.
 */
@Service
public class SampleScopes {

    /** A scope and where its data came from: {@code run}, {@code pinned} or {@code none}. */
    public record SampleScope(Scope scope, String source, UUID runId) {
    }

    private final RunService runs;
    private final WorkflowSampleService samples;

    SampleScopes(RunService runs, WorkflowSampleService samples) {
        this.runs = runs;
        this.samples = samples;
    }

    public SampleScope of(UUID workflowId, UUID runId) {
        Optional<RunDetail> run = runId != null ? Optional.of(runs.get(runId)) : latestRun(workflowId);
        if (run.isPresent() && run.get().run().workflowId().equals(workflowId)) {
            return new SampleScope(new Scope(run.get().input() == null ? null : run.get().input().value(),
                    outputs(run.get().steps()), Map.of()), "run", run.get().run().id());
        }
        Map<String, Map<String, Object>> pinned = samples.samples(workflowId);
        if (pinned.isEmpty()) {
            return new SampleScope(new Scope(null, Map.of(), Map.of()), "none", null);
        }
        Map<String, Object> nodes = new LinkedHashMap<>();
        pinned.forEach((nodeId, ports) -> {
            if (!"trigger".equals(nodeId) && ports.containsKey("out")) {
                nodes.put(nodeId, ports.get("out"));
            }
        });
        return new SampleScope(new Scope(pinned.getOrDefault("trigger", Map.of()).get("out"), nodes, Map.of()),
                "pinned", null);
    }

    private Optional<RunDetail> latestRun(UUID workflowId) {
        List<RunSummary> latest = runs.list(new RunFilter(workflowId, null, null, null, null, null, null), null, 1)
                .items();
        return latest.stream().findFirst().map(summary -> runs.get(summary.id()));
    }

    /** Each node's output in the run: its last attempt that has one (a forEach body's items are left out). */
    private static Map<String, Object> outputs(List<StepView> steps) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (StepView step : steps) {
            if (step.output() != null && step.itemIndex() == null && "succeeded".equals(step.status())) {
                outputs.put(step.nodeId(), step.output().value());
            }
        }
        return outputs;
    }
}
