package dev.junction.connectors.amazon;

import dev.junction.connectors.http.RemoteHttp;
import dev.junction.connectors.outbound.OutboundClient;
import dev.junction.engine.connectors.ConnectorException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Downloads a report document from its pre-signed URL (no access token: the URL carries its own signature and
 * points at another host) and gunzips it when {@code compressionAlgorithm} is {@code GZIP}. Redirects are followed
 * here, at most {@value #MOST_REDIRECTS}, each a new request that the outbound address policy admits again.
 */
final class ReportDocuments {

    static final int MOST_REDIRECTS = 5;

    private final OutboundClient client = OutboundClient.shared();

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    String download(String url, boolean gzipped, Instant deadline) throws ConnectorException {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw ConnectorException.transientFailure("Timeout", "the step's deadline passed before the report "
                    + "document was downloaded", null, null, null);
        }
        URI uri = URI.create(url);
        HttpResponse<byte[]> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).timeout(left).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            for (int redirects = 0; isRedirect(response.statusCode()); redirects++) {
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty() || redirects >= MOST_REDIRECTS) {
                    throw ConnectorException.permanentFailure("RemoteError", "downloading the report document"
                            + " was redirected " + (location.isEmpty() ? "without a Location" : "more than "
                            + MOST_REDIRECTS + " times"), response.statusCode(), null);
                }
                uri = uri.resolve(location.get());
                response = client.send(HttpRequest.newBuilder(uri).timeout(left).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.transientFailure("Interrupted", "the download was interrupted", null, null, null);
        } catch (IOException e) {
            throw RemoteHttp.failure(uri, e);
        }
        if (response.statusCode() == 403) {
            // the pre-signed URL lives five minutes; fetching getReportDocument again gives a fresh one
            throw ConnectorException.transientFailure("DocumentUrlExpired", "the report document URL was refused "
                    + "(HTTP 403; pre-signed URLs expire after five minutes)", null, 403, null);
        }
        if (response.statusCode() / 100 != 2) {
            boolean retryable = response.statusCode() >= 500 || response.statusCode() == 429;
            String message = "downloading the report document failed: HTTP " + response.statusCode();
            throw retryable
                    ? ConnectorException.transientFailure("RemoteUnavailable", message, null, response.statusCode(), null)
                    : ConnectorException.permanentFailure("RemoteError", message, response.statusCode(), null);
        }
        byte[] bytes = response.body();
        if (gzipped) {
            try (InputStream unzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = unzip.readAllBytes();
            } catch (IOException e) {
                throw ConnectorException.permanentFailure("MalformedDocument",
                        "the report document says GZIP but does not unzip: " + e.getMessage(), null, null);
            }
        }
        // UNCONFIRMED (api-contracts §1.6): the documents' character set; read as UTF-8
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
