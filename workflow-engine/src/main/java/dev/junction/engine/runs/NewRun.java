package dev.junction.engine.runs;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A run to create together with the tasks of its first nodes (the trigger's successors); {@code stopAfterNode}: the
 * node a "run to here" test run stops after (null: the whole definition runs).
 */
public record NewRun(UUID workflowId, int version, String triggerKind, String businessKey, Object input,
                     List<String> firstNodes, String stopAfterNode) {

    public NewRun {
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(triggerKind, "triggerKind");
        firstNodes = List.copyOf(firstNodes);
    }

    /** A run of the whole definition. */
    public NewRun(UUID workflowId, int version, String triggerKind, String businessKey, Object input,
                  List<String> firstNodes) {
        this(workflowId, version, triggerKind, businessKey, input, firstNodes, null);
    }
}
