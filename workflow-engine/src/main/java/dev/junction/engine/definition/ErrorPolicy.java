package dev.junction.engine.definition;

import java.util.Arrays;
import java.util.Optional;

/** What a run does when a node fails for good (after its retries). */
public enum ErrorPolicy {
    /** The run fails. */
    FAIL("fail"),
    /** The node's output is empty and the run goes on along its normal ports. */
    CONTINUE("continue"),
    /** The run follows the node's {@code error} port. */
    ERROR_PORT("error");

    private final String jsonName;

    ErrorPolicy(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<ErrorPolicy> fromJson(String name) {
        return Arrays.stream(values()).filter(policy -> policy.jsonName.equals(name)).findFirst();
    }
}
