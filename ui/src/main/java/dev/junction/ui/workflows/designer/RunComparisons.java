package dev.junction.ui.workflows.designer;

import dev.junction.db.runs.RunDetail;
import dev.junction.db.runs.StepView;
import dev.junction.ui.workflows.designer.DesignerContract.Comparison;
import dev.junction.ui.workflows.designer.DesignerContract.NodeComparison;
import dev.junction.ui.workflows.designer.DesignerContract.NodeOverlay;
import dev.junction.ui.workflows.designer.DesignerContract.Overlay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Two runs of one workflow side by side, per node: the run drawn over the canvas against another. A node is
 * {@code same} when both runs ended it with the same status and output, {@code different} when the status or the
 * output differs (which, in {@code differences}), and {@code only-shown} / {@code only-other} when one run did not
 * reach it; the other run's status, attempts and duration come along to be drawn beside the shown run's.
 */
final class RunComparisons {

    private RunComparisons() {
    }

    static Comparison of(RunDetail shown, Overlay shownOverlay, RunDetail other, Overlay otherOverlay) {
        Map<String, Object> shownOutputs = outputs(shown);
        Map<String, Object> otherOutputs = outputs(other);
        Set<String> nodeIds = new LinkedHashSet<>(shownOverlay.nodes().keySet());
        nodeIds.addAll(otherOverlay.nodes().keySet());
        Map<String, NodeComparison> nodes = new LinkedHashMap<>();
        for (String nodeId : nodeIds) {
            NodeOverlay mine = shownOverlay.nodes().get(nodeId);
            NodeOverlay theirs = otherOverlay.nodes().get(nodeId);
            String change;
            List<String> differences = new ArrayList<>();
            if (theirs == null) {
                change = "only-shown";
            } else if (mine == null) {
                change = "only-other";
            } else {
                if (!mine.status().equals(theirs.status())) {
                    differences.add("status");
                }
                if (!Objects.equals(shownOutputs.get(nodeId), otherOutputs.get(nodeId))) {
                    differences.add("output");
                }
                change = differences.isEmpty() ? "same" : "different";
            }
            nodes.put(nodeId, new NodeComparison(change, differences,
                    theirs == null ? null : theirs.status(), theirs == null ? null : theirs.attempts(),
                    theirs == null ? null : theirs.durationMillis()));
        }
        return new Comparison(shownOverlay.runId(), otherOverlay.runId(), otherOverlay.version(),
                otherOverlay.status(), nodes);
    }

    /** Each node's output in the run: its last attempt's (a forEach body's items are left out). */
    private static Map<String, Object> outputs(RunDetail run) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (StepView step : run.steps()) {
            if (step.generation() == run.generation() && step.itemIndex() == null && step.id() != null) {
                outputs.put(step.nodeId(), step.output() == null ? null : step.output().value());
            }
        }
        return outputs;
    }
}
