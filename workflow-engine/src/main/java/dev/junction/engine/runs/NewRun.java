package dev.junction.engine.runs;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A run to create together with the tasks of its first nodes (the trigger's successors). */
public record NewRun(UUID workflowId, int version, String triggerKind, String businessKey, Object input,
                     List<String> firstNodes) {

    public NewRun {
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(triggerKind, "triggerKind");
        firstNodes = List.copyOf(firstNodes);
    }
}
