package dev.junction.ui.canvas;

import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.react.ReactAdapterComponent;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.DefinitionProblem;
import dev.junction.engine.definition.Trigger;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.engine.json.PayloadJson;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The workflow graph drawn with React Flow ({@code @xyflow/react}), wrapped through {@link ReactAdapterComponent}
 * ({@code workflow-canvas.tsx}). Shows the trigger, the nodes and the edges of a definition, and marks the nodes the
 * validator has problems with; read-only for now.
 *
 * <p>The browser gets the definition itself, in its JSON format (state {@code definition}), whose TypeScript type is
 * generated from the workflow JSON Schema at build time; plus the validator's messages by node id ({@code problems}),
 * the trigger's name for people ({@code triggerLabel}) and the port an edge leaves by when it names none
 * ({@code defaultPort}, the workflow schema's default of {@code fromPort}).
 */
@Tag("workflow-canvas")
@JsModule("./workflow-canvas.tsx")
@NpmPackage(value = "@xyflow/react", version = "12.12.1")
@CssImport("@xyflow/react/dist/style.css")
public class WorkflowCanvas extends ReactAdapterComponent implements HasSize {

    /** The port an edge leaves by when it names none, as the workflow schema says ({@code $defs.edge.fromPort}). */
    static final String DEFAULT_PORT = defaultPort();

    public WorkflowCanvas() {
        addClassName("workflow-canvas");
        setState("problems", Map.of());
        setState("defaultPort", DEFAULT_PORT);
    }

    /** Draws a definition; nodes that problems name are marked, with the messages as their tooltip. */
    public void show(WorkflowDefinition definition, List<DefinitionProblem> problems) {
        setState("definition", PayloadJson.read(DefinitionJson.write(definition)));
        setState("problems", problemsByNode(problems));
        setState("triggerLabel", definition.trigger().kind().label());
    }

    /** Null when the schema gives no default (then the canvas labels every edge by its port). */
    private static String defaultPort() {
        return PayloadJson.read(DefinitionJson.schema()) instanceof Map<?, ?> schema
                && schema.get("$defs") instanceof Map<?, ?> defs && defs.get("edge") instanceof Map<?, ?> edge
                && edge.get("properties") instanceof Map<?, ?> properties
                && properties.get("fromPort") instanceof Map<?, ?> fromPort
                && fromPort.get("default") instanceof String port ? port : null;
    }

    /** The validator's messages about each node (the trigger under its node id), in the order found. */
    static Map<String, List<String>> problemsByNode(List<DefinitionProblem> problems) {
        return problems.stream()
                .filter(problem -> problem.nodeId() != null || problem.path().startsWith("$.trigger"))
                .collect(Collectors.groupingBy(
                        problem -> problem.nodeId() != null ? problem.nodeId() : Trigger.NODE_ID, TreeMap::new,
                        Collectors.mapping(DefinitionProblem::message, Collectors.toList())));
    }
}
