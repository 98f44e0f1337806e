package dev.junction.engine.definition;

import dev.junction.engine.json.JsonValues;
import dev.junction.engine.nodes.NodeKind;
import java.util.Map;
import java.util.Objects;

/**
 * What starts a run of the workflow, its settings, and where the designer placed it on the canvas. {@code config}
 * holds plain JSON values, as a node's config does (see {@link Node}).
 */
public record Trigger(TriggerKind kind, Map<String, Object> config, Position position) {

    /** The id under which the trigger appears in the graph, and which edges leave from. */
    public static final String NODE_ID = "trigger";
    /** The trigger's only output port. */
    public static final String PORT = NodeKind.OUT;

    public Trigger {
        Objects.requireNonNull(kind, "kind");
        config = JsonValues.immutableObject(config);
        Objects.requireNonNull(position, "position");
    }

    /** A trigger with no config. */
    public Trigger(TriggerKind kind, Position position) {
        this(kind, Map.of(), position);
    }
}
