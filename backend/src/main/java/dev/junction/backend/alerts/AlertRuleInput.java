package dev.junction.backend.alerts;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a person sends to create or change a rule (see {@link AlertRule}); {@code enabled} null means true. */
public record AlertRuleInput(String name, Boolean enabled, String conditionKind, Map<String, Object> parameters,
                             UUID workflowId, String tag, String connectionId, String severity, List<UUID> channelIds,
                             Integer renotifyMinutes, String messageTemplate) {
}
