package dev.junction.engine.definition;

import java.util.Objects;

/** A connection from an output port of one node (or the trigger) to another node. */
public record Edge(String from, String fromPort, String to) {

    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(fromPort, "fromPort");
        Objects.requireNonNull(to, "to");
    }
}
