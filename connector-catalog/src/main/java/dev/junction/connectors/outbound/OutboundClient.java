package dev.junction.connectors.outbound;

import dev.junction.engine.connectors.ConnectorException;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The one HTTP client of Junction's outbound calls — connectors and their token endpoints, notify webhooks, the
 * simulators' notifications: each request is admitted by the {@link OutboundPolicy} (after name resolution) before
 * anything is sent, and the connection goes to the admitted address (plain HTTP: pinned, see
 * {@link PinnedAddresses}; HTTPS: the JDK connects to the name it resolved moments before — the policy's lookup is
 * in the JDK's address cache — and the server must prove with its certificate that it is that host, which a rebound
 * name pointing at an internal service cannot). Redirects are never followed: a caller that follows one sends a new
 * request, admitted again.
 */
public final class OutboundClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final OutboundClient SHARED = new OutboundClient();

    private final PinnedAddresses pins = new PinnedAddresses();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).proxy(pins).build();

    private OutboundClient() {
    }

    /** The process's outbound client. */
    public static OutboundClient shared() {
        return SHARED;
    }

    /**
     * Admits and sends {@code request}. Throws the policy's refusal (nothing sent), else what the JDK client throws.
     */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws ConnectorException, IOException, InterruptedException {
        OutboundPolicy.Admitted admitted = OutboundPolicy.current().admit(request.uri());
        try (PinnedAddresses.Held pinned = pins.pin(admitted)) {
            return client.send(request, body);
        }
    }
}
