package dev.junction.backend.alerts.channels;

import dev.junction.connectors.outbound.OutboundClient;
import dev.junction.engine.connectors.ConnectorException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * POSTs JSON through the {@link OutboundClient} (the address policy admits the URL first; redirects are not
 * followed). 2xx is delivered; 429 and 5xx are retryable (with {@code Retry-After} in seconds when given); any other
 * status, an unusable URL or a refused address is not. Failures name the channel, the host and the status; a URL
 * itself is never named (Slack's and Teams' URLs are secrets).
 */
final class JsonPost {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int BODY_EXCERPT = 300;

    private final OutboundClient http;

    JsonPost(OutboundClient http) {
        this.http = http;
    }

    /** Sends {@code body} to {@code url} with {@code headers}; answers "HTTP <status> from <host>". */
    String post(String what, String url, String body, Map<String, String> headers) throws ConnectorException {
        URI uri = uri(what, url);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("User-Agent", "Junction-Alerts");
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectorException refused) {
            throw refused.withText(what + ": " + refused.getMessage(), null);
        } catch (IOException e) {
            throw ConnectorException.transientFailure("Unreachable", what + ": could not reach " + uri.getHost()
                    + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + ")", null, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.transientFailure("Interrupted", what + ": the delivery was interrupted", null,
                    null, null);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return "HTTP " + status + " from " + uri.getHost();
        }
        String answer = what + ": " + uri.getHost() + " answered HTTP " + status + excerpt(response.body());
        if (status == 429 || status >= 500) {
            throw ConnectorException.transientFailure(status == 429 ? "RateLimited" : "RemoteError", answer,
                    retryAfter(response).orElse(null), status, null);
        }
        throw ConnectorException.permanentFailure("Refused", answer, status, null);
    }

    private static URI uri(String what, String text) throws ConnectorException {
        try {
            URI uri = text == null ? null : URI.create(text.strip());
            if (uri != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ConnectorException.permanentFailure("InvalidConfig", what + ": the channel's URL is not an http or"
                + " https address", null, null);
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return ": " + (flat.length() > BODY_EXCERPT ? flat.substring(0, BODY_EXCERPT) + "…" : flat);
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        try {
            return response.headers().firstValue("Retry-After")
                    .map(seconds -> Duration.ofSeconds(Math.max(0, Long.parseLong(seconds.strip()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
