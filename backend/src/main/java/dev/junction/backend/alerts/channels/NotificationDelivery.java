package dev.junction.backend.alerts.channels;

import dev.junction.backend.credentials.VaultException;
import dev.junction.db.alerts.channels.AlertChannelRepository;
import dev.junction.db.alerts.channels.AlertOutbox;
import dev.junction.db.alerts.channels.OutboxNotification;
import dev.junction.db.alerts.channels.StoredChannel;
import dev.junction.engine.connectors.ConnectorException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends one claimed outbox row and records the outcome on it: {@code sent}; or, for a retryable failure with attempts
 * left, still {@code pending} and due again after the backoff (or the server's {@code Retry-After}); or
 * {@code failed} with {@code last_error}. A disabled or vanished channel fails the row with that reason. Test rows
 * are not retried (their sender waits for the answer). Counted in {@code junction.alert.notifications} (tags kind,
 * outcome: sent, retry, failed); failures are logged (logger {@code junction.alerts}), never with a secret.
 */
public class NotificationDelivery {

    private static final Logger log = LoggerFactory.getLogger("junction.alerts");
    private static final int MAX_ERROR_LENGTH = 2_000;

    private final AlertChannelRepository channels;
    private final AlertOutbox outbox;
    private final ChannelSecrets secrets;
    private final Map<ChannelKind, ChannelSender> senders = new EnumMap<>(ChannelKind.class);
    private final PublicUrl publicUrl;
    private final DispatchSettings settings;
    private final MeterRegistry meters;

    NotificationDelivery(AlertChannelRepository channels, AlertOutbox outbox, ChannelSecrets secrets,
                         List<ChannelSender> senders, PublicUrl publicUrl, DispatchSettings settings,
                         MeterRegistry meters) {
        this.channels = channels;
        this.outbox = outbox;
        this.secrets = secrets;
        senders.forEach(sender -> this.senders.put(sender.kind(), sender));
        this.publicUrl = publicUrl;
        this.settings = settings;
        this.meters = meters;
    }

    /** Sends {@code notification} (claimed by the caller) and records the outcome. */
    public DeliveryResult deliver(OutboxNotification notification) {
        Optional<StoredChannel> found = channels.find(notification.channelId());
        if (found.isEmpty()) {
            return fail(notification, "?", "the channel " + notification.channelId() + " no longer exists");
        }
        StoredChannel channel = found.get();
        boolean test = "test".equals(notification.reason());
        if (!channel.enabled() && !test) {
            return fail(notification, channel.kind(), "the channel '" + channel.name() + "' is disabled");
        }
        ChannelKind kind = ChannelKind.of(channel.kind()).orElse(null);
        ChannelSender sender = kind == null ? null : senders.get(kind);
        if (sender == null) {
            return fail(notification, channel.kind(), "there is no sender for channel kind '" + channel.kind() + "'");
        }
        Delivery delivery;
        try {
            delivery = delivery(notification, channel, kind);
        } catch (VaultException e) {
            return fail(notification, channel.kind(), "a secret of the channel '" + channel.name()
                    + "' does not open with this instance's master key; set it again");
        }
        try {
            String sent = sender.send(delivery);
            recordOutcome(() -> outbox.markSent(notification.id()));
            count(kind.jsonName(), "sent");
            log.debug("Notification {} ({}) sent on channel '{}': {}", notification.id(), notification.reason(),
                    channel.name(), sent);
            return new DeliveryResult(notification.id(), "sent", notification.attempts(), sent);
        } catch (ConnectorException e) {
            String error = cut(e.getMessage());
            if (e.retryable() && !test && notification.attempts() < settings.maxAttempts()) {
                Duration delay = delay(notification.attempts(), e.retryAfter().orElse(null));
                recordOutcome(() -> outbox.scheduleRetry(notification.id(), delay, error));
                count(kind.jsonName(), "retry");
                log.info("Notification {} on channel '{}' failed (attempt {} of {}), retried in {}: {}",
                        notification.id(), channel.name(), notification.attempts(), settings.maxAttempts(), delay,
                        error);
                return new DeliveryResult(notification.id(), "pending", notification.attempts(), error);
            }
            String reason = e.retryable() && !test ? error + " (gave up after " + notification.attempts()
                    + " attempts)" : error;
            return fail(notification, kind.jsonName(), reason);
        } catch (RuntimeException bug) {
            String reference = UUID.randomUUID().toString();
            log.error("Notification {} on channel '{}' failed unexpectedly (reference {})", notification.id(),
                    channel.name(), reference, bug);
            return fail(notification, kind.jsonName(), "the delivery failed unexpectedly; the server log has the"
                    + " details under reference " + reference);
        }
    }

    private Delivery delivery(OutboxNotification notification, StoredChannel channel, ChannelKind kind) {
        AlertMessage message = AlertMessage.of(notification.message());
        String link = publicUrl.absolute(message.link());
        return new Delivery(notification.id(), message, title(message), MessageTemplate.render(message, link), link,
                channel.settings(), secrets.open(channel.id(), kind.secretFields()));
    }

    /** The subject line: "[CRITICAL] rule: summary", "Resolved: rule: summary", "Test: …". */
    static String title(AlertMessage message) {
        String head = switch (String.valueOf(message.reason())) {
            case "resolved" -> "Resolved";
            case "test" -> "Test";
            default -> "acknowledged".equals(message.state()) ? "Acknowledged"
                    : "[" + String.valueOf(message.severity()).toUpperCase(java.util.Locale.ROOT) + "]";
        };
        String rule = message.ruleName() == null ? "" : message.ruleName() + ": ";
        return head + " " + rule + (message.summary() == null ? "" : message.summary());
    }

    /** The backoff before attempt {@code attempts + 1}: exponential with jitter, or the server's wish. */
    Duration delay(int attempts, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : retryAfter;
        }
        long base = settings.retryBase().toMillis();
        long exponential = base << Math.min(attempts - 1, 30);
        long capped = Math.min(exponential < 0 ? Long.MAX_VALUE : exponential, settings.retryMax().toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1, Math.min((long) (capped * jitter), settings.retryMax().toMillis())));
    }

    private DeliveryResult fail(OutboxNotification notification, String kind, String error) {
        recordOutcome(() -> outbox.markFailed(notification.id(), cut(error)));
        count(kind, "failed");
        log.warn("Notification {} ({}) to channel {} failed: {}", notification.id(), notification.reason(),
                notification.channelId(), error);
        return new DeliveryResult(notification.id(), "failed", notification.attempts(), cut(error));
    }

    /**
     * Records an outcome even when the node is stopping: the thread's interrupt (which would fail taking a database
     * connection and leave the row to its lease) is set aside meanwhile, and restored.
     */
    private static void recordOutcome(Runnable write) {
        boolean interrupted = Thread.interrupted();
        try {
            write.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void count(String kind, String outcome) {
        if (meters != null) {
            meters.counter("junction.alert.notifications", "kind", kind, "outcome", outcome).increment();
        }
    }

    private static String cut(String text) {
        String value = text == null ? "unknown error" : text;
        return value.length() <= MAX_ERROR_LENGTH ? value : value.substring(0, MAX_ERROR_LENGTH) + "…";
    }
}
