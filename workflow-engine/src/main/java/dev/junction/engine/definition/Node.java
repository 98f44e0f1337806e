package dev.junction.engine.definition;

import java.util.Objects;

/** One step of a workflow graph. */
public record Node(String id, String type, String name, Position position) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
    }
}
