package dev.junction.engine.runs;

import java.util.Objects;

/** A node to run next, within a forEach item when {@code forEachId} is set. */
public record NextTask(String nodeId, String forEachId, Integer itemIndex) {

    public NextTask {
        Objects.requireNonNull(nodeId, "nodeId");
    }

    public static NextTask of(String nodeId) {
        return new NextTask(nodeId, null, null);
    }
}
