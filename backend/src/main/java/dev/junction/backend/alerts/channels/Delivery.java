package dev.junction.backend.alerts.channels;

import java.util.Map;

/**
 * One notification ready to send on one channel: the outbox row id (the idempotency key), the message, its rendered
 * {@code text}, its {@code title} (subject line), the absolute deep {@code link}, and the channel's settings and
 * opened secrets.
 */
record Delivery(long notificationId, AlertMessage message, String title, String text, String link,
                Map<String, Object> settings, Map<String, String> secrets) {

    String idempotencyKey() {
        return String.valueOf(notificationId);
    }

    String setting(String name) {
        Object value = settings.get(name);
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).strip();
    }

    String secret(String name) {
        return secrets.get(name);
    }
}
