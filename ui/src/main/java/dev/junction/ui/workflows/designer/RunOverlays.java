package dev.junction.ui.workflows.designer;

import dev.junction.db.runs.RunDetail;
import dev.junction.db.runs.StepView;
import dev.junction.engine.definition.Edge;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.ui.workflows.designer.DesignerContract.NodeOverlay;
import dev.junction.ui.workflows.designer.DesignerContract.Overlay;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run drawn over the canvas, from its step records: per node the status of its last attempt, the number of
 * attempts, that attempt's duration, the items it put out (a list output: its length; another output: 1) and a short
 * error (a step waiting for its timer stays "waiting" until its next turn runs); per edge the run followed (its target has a step), the items its source put out (the trigger: 1).
 */
final class RunOverlays {

    static final int ERROR_MAX_LENGTH = 200;
    private static final Set<String> ACTIVE = Set.of("queued", "running", "waiting");

    private RunOverlays() {
    }

    static boolean active(Overlay overlay) {
        return overlay != null && ACTIVE.contains(overlay.status());
    }

    static Overlay of(RunDetail detail, WorkflowDefinition definition) {
        Map<String, NodeOverlay> nodes = new LinkedHashMap<>();
        Map<String, Integer> attempts = new LinkedHashMap<>();
        for (StepView step : detail.steps()) {
            if (step.generation() != detail.generation() || step.itemIndex() != null) {
                continue;
            }
            if (step.id() == null && ("queued".equals(step.status()) || "waiting".equals(step.status()))
                    && nodes.containsKey(step.nodeId())
                    && "waiting".equals(nodes.get(step.nodeId()).status())) {
                continue; // a wait's next turn (a delay's end, a wait-until's next poll): still waiting, no attempt yet
            }
            attempts.merge(step.nodeId(), 1, Integer::sum);
            Long duration = step.startedAt() == null || step.finishedAt() == null ? null
                    : Duration.between(step.startedAt(), step.finishedAt()).toMillis();
            Integer items = step.output() == null || step.output().value() == null ? null
                    : step.output().value() instanceof List<?> list ? list.size() : 1;
            nodes.put(step.nodeId(), new NodeOverlay(status(step.status()), attempts.get(step.nodeId()), duration,
                    items, shortError(step.errorMessage())));
        }
        Map<String, Integer> edges = new LinkedHashMap<>();
        for (Edge edge : definition.edges()) {
            if (!nodes.containsKey(edge.to())) {
                continue;
            }
            Integer items = "trigger".equals(edge.from()) ? Integer.valueOf(1)
                    : nodes.containsKey(edge.from()) ? nodes.get(edge.from()).items() : null;
            if (items != null) {
                edges.put(edge.from() + ":" + edge.fromPort() + "->" + edge.to(), items);
            }
        }
        return new Overlay(detail.run().id().toString(), detail.run().workflowVersion(), status(detail.run().status()),
                detail.run().test(), nodes, edges);
    }

    private static String status(String stored) {
        return "dead_lettered".equals(stored) ? "dead" : stored;
    }

    private static String shortError(String message) {
        if (message == null) {
            return null;
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() <= ERROR_MAX_LENGTH ? line : line.substring(0, ERROR_MAX_LENGTH - 1) + "…";
    }
}
