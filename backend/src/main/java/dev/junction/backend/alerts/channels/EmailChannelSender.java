package dev.junction.backend.alerts.channels;

import dev.junction.backend.notifications.EmailSender;
import dev.junction.engine.connectors.ConnectorException;

import java.util.Map;

/**
 * E-mail: a plain-text e-mail of the rendered text to the channel's recipients, subject "<prefix> <title>", through
 * the SMTP server notify nodes use ({@link EmailSender}, JUNCTION_SMTP_*), with the notification id in
 * {@code X-Junction-Idempotency-Key}.
 */
final class EmailChannelSender implements ChannelSender {

    private final EmailSender email;

    EmailChannelSender(EmailSender email) {
        this.email = email;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public String send(Delivery delivery) throws ConnectorException {
        String prefix = delivery.setting("subjectPrefix") == null ? "" : delivery.setting("subjectPrefix") + " ";
        try {
            email.send(delivery.text(), Map.of("to", String.valueOf(delivery.setting("recipients")),
                    "subject", prefix + delivery.title()), delivery.idempotencyKey());
        } catch (ConnectorException e) {
            throw e.withText("e-mail: " + e.getMessage(), null);
        }
        return "e-mail to " + delivery.setting("recipients");
    }
}
