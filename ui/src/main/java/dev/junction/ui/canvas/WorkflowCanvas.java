package dev.junction.ui.canvas;

import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.react.ReactAdapterComponent;
import dev.junction.engine.definition.DefinitionProblem;
import dev.junction.engine.definition.Trigger;
import dev.junction.engine.definition.WorkflowDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The workflow graph drawn with React Flow ({@code @xyflow/react}), wrapped through {@link ReactAdapterComponent}
 * ({@code workflow-canvas.tsx}). Shows the trigger, the nodes and the edges of a definition, and marks the nodes the
 * validator has problems with; read-only for now.
 */
@Tag("workflow-canvas")
@JsModule("./workflow-canvas.tsx")
@NpmPackage(value = "@xyflow/react", version = "12.12.1")
@CssImport("@xyflow/react/dist/style.css")
public class WorkflowCanvas extends ReactAdapterComponent implements HasSize {

    /** What the canvas draws: one box per trigger or node, one line per edge. */
    public record Graph(List<Box> nodes, List<Line> edges) {
    }

    /** One trigger or node; {@code problems} are the validator's messages about it (empty when none). */
    public record Box(String id, String kind, String label, double x, double y, List<String> problems) {
    }

    public record Line(String id, String source, String sourcePort, String target) {
    }

    public WorkflowCanvas() {
        addClassName("workflow-canvas");
        setState("graph", new Graph(List.of(), List.of()));
    }

    /** Draws a definition; nodes that problems name are marked, with the messages as their tooltip. */
    public void show(WorkflowDefinition definition, List<DefinitionProblem> problems) {
        setState("graph", toGraph(definition, problems));
    }

    static Graph toGraph(WorkflowDefinition definition, List<DefinitionProblem> problems) {
        Map<String, List<String>> byNode = problems.stream()
                .filter(problem -> problem.nodeId() != null || problem.path().startsWith("$.trigger"))
                .collect(Collectors.groupingBy(
                        problem -> problem.nodeId() != null ? problem.nodeId() : Trigger.NODE_ID,
                        Collectors.mapping(DefinitionProblem::message, Collectors.toList())));
        List<Box> boxes = new ArrayList<>();
        Trigger trigger = definition.trigger();
        boxes.add(new Box(Trigger.NODE_ID, "trigger", trigger.kind().label(), trigger.position().x(),
                trigger.position().y(), byNode.getOrDefault(Trigger.NODE_ID, List.of())));
        definition.nodes().forEach(node -> boxes.add(new Box(node.id(), node.type(), node.name(), node.position().x(),
                node.position().y(), byNode.getOrDefault(node.id(), List.of()))));
        List<Line> lines = definition.edges().stream()
                .map(edge -> new Line(edge.from() + ":" + edge.fromPort() + "->" + edge.to(), edge.from(),
                        edge.fromPort(), edge.to()))
                .toList();
        return new Graph(boxes, lines);
    }
}
