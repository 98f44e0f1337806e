package dev.junction.backend.alerts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A rule: a condition kind with its parameters, within a scope (a workflow, a tag, a connection, or — all null —
 * everything), the severity of its alerts, the channels they notify, how often a still-firing alert notifies again
 * ({@code renotifyMinutes}, null: never) and the message template (null: the channel's default).
 */
public record AlertRule(UUID id, String name, boolean enabled, String conditionKind, Map<String, Object> parameters,
                        UUID workflowId, String tag, String connectionId, String severity, List<UUID> channelIds,
                        Integer renotifyMinutes, String messageTemplate, OffsetDateTime nextEvaluationAt,
                        String createdBy, OffsetDateTime createdAt, String updatedBy, OffsetDateTime updatedAt) {

    public AlertScope scope() {
        return new AlertScope(workflowId, tag, connectionId);
    }
}
