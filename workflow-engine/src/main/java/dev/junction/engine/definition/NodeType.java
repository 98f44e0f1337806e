package dev.junction.engine.definition;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of step a workflow graph is made of. */
public enum NodeType {
    CONNECTOR("connector"),
    MAP("map"),
    BRANCH("branch"),
    FOR_EACH("forEach"),
    SCRIPT("script"),
    LOOKUP("lookup"),
    DELAY("delay"),
    SUBFLOW("subflow"),
    NOTIFY("notify"),
    WAIT_UNTIL("waitUntil");

    private final String jsonName;

    NodeType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in the definition's JSON form (a node's {@code type}). */
    public String jsonName() {
        return jsonName;
    }

    public static Optional<NodeType> fromJson(String name) {
        return Arrays.stream(values()).filter(type -> type.jsonName.equals(name)).findFirst();
    }
}
