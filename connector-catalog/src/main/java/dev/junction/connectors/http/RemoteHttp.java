package dev.junction.connectors.http;

import dev.junction.connectors.outbound.OutboundClient;
import dev.junction.engine.connectors.ConnectorException;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLException;

/**
 * Sends connectors' HTTP requests with a deadline and turns what goes wrong on the way into typed failures: a
 * timeout, a refused or reset connection are retryable; a host that does not resolve, an address the
 * {@link dev.junction.connectors.outbound.OutboundPolicy} refuses (nothing is sent) or a failed TLS handshake are
 * permanent (trying again will not mend a wrong URL or certificate). One client for every connector: the
 * {@link OutboundClient}, which follows no redirect.
 */
public final class RemoteHttp {

    private final OutboundClient client = OutboundClient.shared();

    /**
     * Sends the request, answering by {@code deadline} at the latest. An unsuccessful status is answered, not
     * thrown: the connector reads the remote error envelope and calls {@link RemoteFailures#of}.
     */
    public RemoteResponse send(HttpRequest.Builder request, Instant deadline) throws ConnectorException {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw ConnectorException.transientFailure("Timeout", "the step's deadline passed before the call",
                    null, null, null);
        }
        HttpRequest built = request.timeout(left).build();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            return new RemoteResponse(response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.transientFailure("Interrupted", "the call was interrupted (shutting down)",
                    null, null, null);
        } catch (IOException e) {
            throw failure(built.uri(), e);
        }
    }

    /**
     * Like {@link #send(HttpRequest.Builder, Instant)}, but reads at most {@code maxBodyBytes} of the answer's body:
     * a longer body stops the read and fails with a permanent {@code ResponseTooLarge} (a remote API the connector
     * does not know, such as the generic HTTP connector's, may answer anything).
     */
    public RemoteResponse send(HttpRequest.Builder request, Instant deadline, int maxBodyBytes)
            throws ConnectorException {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw ConnectorException.transientFailure("Timeout", "the step's deadline passed before the call",
                    null, null, null);
        }
        HttpRequest built = request.timeout(left).build();
        try {
            HttpResponse<InputStream> response = client.send(built, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(maxBodyBytes + 1);
            }
            if (body.length > maxBodyBytes) {
                throw ConnectorException.permanentFailure("ResponseTooLarge", built.method() + " "
                        + built.uri().getRawPath() + " answered HTTP " + response.statusCode()
                        + " with a body larger than " + maxBodyBytes + " bytes; it was not read",
                        response.statusCode(), null);
            }
            return new RemoteResponse(response.statusCode(), response.headers(),
                    new String(body, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.transientFailure("Interrupted", "the call was interrupted (shutting down)",
                    null, null, null);
        } catch (IOException e) {
            throw failure(built.uri(), e);
        }
    }

    /** The typed failure for an exception on the way to {@code uri} (never including credentials). */
    public static ConnectorException failure(URI uri, IOException e) {
        String where = uri.getScheme() + "://" + uri.getAuthority();
        return switch (kind(e)) {
            case DNS -> ConnectorException.permanentFailure("UnknownHost",
                    "the host " + uri.getHost() + " does not resolve", null, null);
            case TLS -> ConnectorException.permanentFailure("TlsFailure",
                    "the TLS handshake with " + where + " failed: " + e.getMessage(), null, null);
            case TIMEOUT -> ConnectorException.transientFailure("Timeout",
                    "no answer from " + where + " in time", null, null, null);
            case CONNECT -> ConnectorException.transientFailure("ConnectionRefused",
                    "nothing answers at " + where, null, null, null);
            case IO -> ConnectorException.transientFailure("ConnectionReset",
                    "the connection to " + where + " broke: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()), null, null, null);
        };
    }

    /** What kind of network trouble an exception is. */
    public static NetworkTrouble kind(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof java.net.UnknownHostException) {
                return NetworkTrouble.DNS;
            }
            if (cause instanceof SSLException) {
                return NetworkTrouble.TLS;
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                return cause instanceof HttpConnectTimeoutException ? NetworkTrouble.TIMEOUT : NetworkTrouble.CONNECT;
            }
            if (cause instanceof HttpTimeoutException) {
                return NetworkTrouble.TIMEOUT;
            }
        }
        return NetworkTrouble.IO;
    }

    public enum NetworkTrouble { DNS, TLS, TIMEOUT, CONNECT, IO }
}
