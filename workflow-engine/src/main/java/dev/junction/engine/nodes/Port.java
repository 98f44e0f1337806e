package dev.junction.engine.nodes;

import java.util.Objects;

/** An output port of a node kind: its name (what an edge's {@code fromPort} says) and what leaving by it means. */
public record Port(String name, String description) {

    public Port {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }
}
