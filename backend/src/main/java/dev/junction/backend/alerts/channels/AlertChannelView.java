package dev.junction.backend.alerts.channels;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A channel as answered: its plain settings, per secret field only that it is set (by whom, when), and its latest
 * notification ({@code lastDelivery}, null when it never had one).
 */
public record AlertChannelView(UUID id, String name, String kind, boolean enabled, Map<String, Object> settings,
                               Map<String, SecretState> secrets, LastDeliveryView lastDelivery, String createdBy,
                               OffsetDateTime createdAt, String updatedBy, OffsetDateTime updatedAt) {

    /** A stored secret: never its value. */
    public record SecretState(boolean set, String setBy, OffsetDateTime setAt) {
    }

    /**
     * The latest notification: its id, reason, state ({@code pending}, {@code sent}, {@code failed}), attempts, the
     * error of its last failed attempt, when it was written and sent.
     */
    public record LastDeliveryView(long notificationId, String reason, String state, int attempts, String error,
                                   OffsetDateTime createdAt, OffsetDateTime sentAt) {
    }
}
