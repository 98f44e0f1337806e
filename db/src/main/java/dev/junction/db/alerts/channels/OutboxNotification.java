package dev.junction.db.alerts.channels;

import java.util.Map;
import java.util.UUID;

/**
 * One claimed row of the {@code alert_notifications} outbox: what to send ({@code message}, see docs/alerts.md) to
 * which channel, and how many attempts (this one included) it has had.
 */
public record OutboxNotification(long id, UUID alertId, UUID channelId, String reason, Map<String, Object> message,
                                 int attempts) {
}
