package dev.junction.backend.alerts.channels;

import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.json.PayloadJson;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generic webhook: POSTs {@code {"notificationId", "reason", "text", "link", "alert": {…}}} to the channel's URL,
 * signed ({@link WebhookSignature}) with {@code X-Junction-Signature} and {@code X-Junction-Timestamp}, and with
 * {@code Idempotency-Key} = the notification's id (the same on every retry and after a restart).
 */
final class WebhookSender implements ChannelSender {

    private final JsonPost post;
    private final Clock clock;

    WebhookSender(JsonPost post, Clock clock) {
        this.post = post;
        this.clock = clock;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WEBHOOK;
    }

    @Override
    public String send(Delivery delivery) throws ConnectorException {
        String secret = delivery.secret("signingSecret");
        if (secret == null) {
            throw ConnectorException.permanentFailure("InvalidConfig", "webhook: the channel has no signing secret",
                    null, null);
        }
        String body = PayloadJson.write(body(delivery));
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return post.post("webhook", delivery.setting("url"), body, Map.of(
                WebhookSignature.TIMESTAMP_HEADER, timestamp,
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body),
                "Idempotency-Key", delivery.idempotencyKey()));
    }

    static Map<String, Object> body(Delivery delivery) {
        AlertMessage message = delivery.message();
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("id", message.alertId());
        alert.put("ruleId", message.ruleId());
        alert.put("ruleName", message.ruleName());
        alert.put("severity", message.severity());
        alert.put("state", message.state());
        alert.put("summary", message.summary());
        alert.put("occurrences", message.occurrences());
        alert.put("firstSeenAt", message.firstSeenAt());
        alert.put("lastSeenAt", message.lastSeenAt());
        alert.put("details", message.details());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notificationId", delivery.notificationId());
        body.put("reason", message.reason());
        body.put("title", delivery.title());
        body.put("text", delivery.text());
        body.put("link", delivery.link());
        body.put("alert", alert);
        return body;
    }
}
