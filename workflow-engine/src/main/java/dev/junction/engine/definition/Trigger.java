package dev.junction.engine.definition;

import java.util.Objects;

/** What starts a run of the workflow, and where the designer placed it on the canvas. */
public record Trigger(TriggerKind kind, Position position) {

    /** The id under which the trigger appears in the graph, and which edges leave from. */
    public static final String NODE_ID = "trigger";

    public Trigger {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(position, "position");
    }
}
