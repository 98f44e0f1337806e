package dev.junction.backend.notifications;

import dev.junction.connectors.outbound.OutboundClient;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.runs.Notifier;
import dev.junction.engine.json.PayloadJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What notify nodes send. {@code log}: a line in Junction's log (logger {@code junction.notify}). {@code webhook}:
 * an HTTP POST of {@code {"message", "idempotencyKey"}} to the node's {@code url} (2xx is delivered; 429 and 5xx are
 * retried, honouring {@code Retry-After}; other answers fail the step; an address the outbound policy refuses —
 * loopback, private, link-local… unless allowed — fails it permanently before anything is sent). {@code email}: a
 * plain-text e-mail of the message to the node's {@code to} (addresses separated by commas) with its {@code subject},
 * through the SMTP server of {@link SmtpSettings} (see {@link EmailSender}).
 */
@Component
class ChannelNotifier implements Notifier {

    private static final Logger notifyLog = LoggerFactory.getLogger("junction.notify");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The outbound client: the address policy admits the URL before anything is sent; no redirect is followed. */
    private final OutboundClient http = OutboundClient.shared();
    private final EmailSender email;

    ChannelNotifier(SmtpSettings smtp) {
        this.email = new EmailSender(smtp);
    }

    @Override
    public Object send(String channel, String message, Map<String, Object> config, String idempotencyKey)
            throws ConnectorException {
        return switch (channel) {
            case "log" -> {
                notifyLog.info("{} [{}]", message, idempotencyKey);
                yield Map.of("channel", channel, "sentAt", Instant.now().toString());
            }
            case "webhook" -> webhook(message, config, idempotencyKey);
            case "email" -> email.send(message, config, idempotencyKey);
            default -> throw ConnectorException.permanentFailure("UnknownChannel", "there is no notification"
                    + " channel '" + channel + "'", null, null);
        };
    }

    private Object webhook(String message, Map<String, Object> config, String idempotencyKey)
            throws ConnectorException {
        URI url = config.get("url") instanceof String text ? uri(text) : null;
        if (url == null) {
            throw ConnectorException.permanentFailure("InvalidConfig", "a webhook notification needs 'url': an"
                    + " http or https address", null, null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("idempotencyKey", idempotencyKey);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(PayloadJson.write(body))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ConnectorException.transientFailure("Unreachable", "could not deliver to " + url.getHost() + ": "
                    + e.getClass().getSimpleName(), null, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.transientFailure("Interrupted", "delivery was interrupted", null, null, null);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Map.of("channel", "webhook", "status", (long) status);
        }
        if (status == 429 || status >= 500) {
            throw ConnectorException.transientFailure(status == 429 ? "RateLimited" : "RemoteError",
                    "the webhook answered " + status, retryAfter(response), status, response.body());
        }
        throw ConnectorException.permanentFailure("Refused", "the webhook answered " + status, status,
                response.body());
    }

    private static URI uri(String text) {
        try {
            URI uri = URI.create(text.strip());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> value = response.headers().firstValue("Retry-After");
        try {
            return value.map(seconds -> Duration.ofSeconds(Long.parseLong(seconds.strip()))).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
