package dev.junction.db.alerts.channels;

import java.time.OffsetDateTime;

/**
 * A channel's latest notification: its outbox row id, why it was sent ({@code firing}, {@code renotify},
 * {@code resolved}, {@code test}), its state ({@code pending}, {@code sent}, {@code failed}), attempts so far, the last
 * error, and when it was created and sent.
 */
public record LastDelivery(long id, String reason, String state, int attempts, String lastError,
                           OffsetDateTime createdAt, OffsetDateTime sentAt) {
}
