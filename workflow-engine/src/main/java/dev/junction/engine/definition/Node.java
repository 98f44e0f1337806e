package dev.junction.engine.definition;

import dev.junction.engine.json.JsonValues;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a workflow graph. {@code type} is kept as written (see {@link NodeType}), so that an unknown type is
 * a problem the validator reports rather than a definition that cannot be read. {@code config} holds plain JSON
 * values (String, Long for whole numbers, Double for other numbers, Boolean, null, List, Map) in an unmodifiable
 * copy that keeps the order of its keys; other numeric types are converted to Long or Double, anything else is
 * refused.
 */
public record Node(String id, String type, String name, Map<String, Object> config, Position position,
                   RetryPolicy retry, ErrorPolicy onError) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        config = JsonValues.immutableObject(config);
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(onError, "onError");
    }

    /** A node with no config, the default retry policy, and a run that fails when the node fails. */
    public Node(String id, String type, String name, Position position) {
        this(id, type, name, Map.of(), position, RetryPolicy.DEFAULT, ErrorPolicy.FAIL);
    }
}
