package dev.junction.backend.alerts.channels;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A notification's content as the outbox row's {@code message} holds it (written by the alert evaluator, or by
 * "Send test"): the alert, its rule, why it is sent, the summary, the UI path {@code link}, the occurrences, when it
 * was first and last seen, the rule's message {@code template} (null: the default) and the condition's
 * {@code details}.
 */
public record AlertMessage(String alertId, String ruleId, String ruleName, String severity, String state,
                           String reason, String summary, String link, long occurrences, String firstSeenAt,
                           String lastSeenAt, String template, Map<String, Object> details) {

    public AlertMessage {
        details = details == null ? Map.of() : details;
    }

    static AlertMessage of(Map<String, Object> message) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (message.get("details") instanceof Map<?, ?> map) {
            map.forEach((key, value) -> details.put(String.valueOf(key), value));
        }
        long occurrences = message.get("occurrences") instanceof Number number ? number.longValue() : 1;
        return new AlertMessage(text(message, "alertId"), text(message, "ruleId"), text(message, "ruleName"),
                text(message, "severity"), text(message, "state"), text(message, "reason"),
                text(message, "summary"), text(message, "link"), occurrences, text(message, "firstSeenAt"),
                text(message, "lastSeenAt"), text(message, "template"), details);
    }

    /** The message as the outbox stores it. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("alertId", alertId);
        map.put("ruleId", ruleId);
        map.put("ruleName", ruleName);
        map.put("severity", severity);
        map.put("state", state);
        map.put("reason", reason);
        map.put("summary", summary);
        map.put("link", link);
        map.put("occurrences", occurrences);
        map.put("firstSeenAt", firstSeenAt);
        map.put("lastSeenAt", lastSeenAt);
        map.put("template", template);
        map.put("details", details);
        return map;
    }

    private static String text(Map<String, Object> message, String name) {
        Object value = message.get(name);
        return value == null ? null : String.valueOf(value);
    }
}
