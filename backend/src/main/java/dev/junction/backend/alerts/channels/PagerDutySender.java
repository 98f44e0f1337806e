package dev.junction.backend.alerts.channels;

import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.json.PayloadJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PagerDuty Events API v2: {@code event_action} {@code trigger} (firing, renotify), {@code acknowledge} (the alert
 * was acknowledged) or {@code resolve} (resolved), {@code dedup_key} = the alert's id (so that PagerDuty folds an
 * alert's events into one incident; a test uses {@code junction-test-<notification id>}), Junction's severity mapped
 * (critical, warning, info; anything else: error), the deep link in {@code links}.
 */
final class PagerDutySender implements ChannelSender {

    static final String DEFAULT_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";
    private static final int MAX_SUMMARY = 1_024;

    private final JsonPost post;

    PagerDutySender(JsonPost post) {
        this.post = post;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.PAGERDUTY;
    }

    @Override
    public String send(Delivery delivery) throws ConnectorException {
        String url = delivery.setting("eventsUrl") == null ? DEFAULT_EVENTS_URL : delivery.setting("eventsUrl");
        return post.post("pagerduty", url, PayloadJson.write(body(delivery)), Map.of());
    }

    static Map<String, Object> body(Delivery delivery) {
        AlertMessage message = delivery.message();
        String action = eventAction(message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("routing_key", delivery.secret("routingKey"));
        body.put("event_action", action);
        body.put("dedup_key", message.alertId() != null ? message.alertId()
                : "junction-test-" + delivery.notificationId());
        if ("trigger".equals(action)) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("summary", SlackSender.cut(delivery.title(), MAX_SUMMARY));
            payload.put("source", "junction");
            payload.put("severity", severity(message.severity()));
            if (message.lastSeenAt() != null) {
                payload.put("timestamp", message.lastSeenAt());
            }
            payload.put("component", message.ruleName());
            Map<String, Object> custom = new LinkedHashMap<>(message.details());
            custom.put("text", delivery.text());
            custom.put("occurrences", message.occurrences());
            payload.put("custom_details", custom);
            body.put("payload", payload);
            body.put("client", "Junction");
            body.put("client_url", delivery.link());
            body.put("links", List.of(Map.of("href", delivery.link(), "text", "Open in Junction")));
        }
        return body;
    }

    static String eventAction(AlertMessage message) {
        if ("resolved".equals(message.reason()) || "resolved".equals(message.state())) {
            return "resolve";
        }
        return "acknowledged".equals(message.state()) ? "acknowledge" : "trigger";
    }

    static String severity(String severity) {
        return switch (String.valueOf(severity)) {
            case "critical", "warning", "info" -> severity;
            default -> "error";
        };
    }
}
