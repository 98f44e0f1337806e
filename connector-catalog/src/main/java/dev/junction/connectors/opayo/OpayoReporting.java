package dev.junction.connectors.opayo;

import dev.junction.connectors.http.RemoteFailures;
import dev.junction.connectors.http.RemoteHttp;
import dev.junction.connectors.http.RemoteResponse;
import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectorException;
import org.w3c.dom.Document;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The one Reporting API command the connector needs: {@code getTransactionDetail} by {@code vendortxcode}, to learn
 * whether an attempt whose answer was lost reached Opayo, and under which transaction id.
 */
final class OpayoReporting {

    // UNCONFIRMED (api-contracts §2.10): the answer names the transaction id <vpstxid> (in braces or not) and
    // says "no such transaction" with error code 0043; the guide with the response fields is not in the corpus.
    static final String NOT_FOUND = "0043";
    static final String SIGNATURE_INVALID = "0010";

    private final RemoteHttp http;

    OpayoReporting(RemoteHttp http) {
        this.http = http;
    }

    /** Whether the connection has what the Reporting API needs (a user and its password). */
    static boolean configured(OpayoSettings settings, ConnectionAccess connection) {
        return settings.reportingUser().isPresent()
                && connection.secret(OpayoSettings.REPORTING_PASSWORD).isPresent();
    }

    /** The Pi transaction id Opayo holds under the vendorTxCode, or empty when it holds none. */
    Optional<String> transactionIdOf(String vendorTxCode, OpayoSettings settings, ConnectionAccess connection,
                                     Instant deadline) throws ConnectorException {
        String inner = ReportingXml.element("command", "getTransactionDetail")
                + ReportingXml.element("vendor", settings.vendorName())
                + ReportingXml.element("user", settings.reportingUser().orElseThrow())
                + ReportingXml.element("vendortxcode", vendorTxCode);
        String xml = ReportingXml.request(inner, connection.requiredSecret(OpayoSettings.REPORTING_PASSWORD));
        RemoteResponse response = http.send(HttpRequest.newBuilder(settings.reportingUrl())
                .POST(HttpRequest.BodyPublishers.ofString("XML=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded"), deadline);
        if (!response.ok()) {
            throw RemoteFailures.of(response, RemoteFailures.retryable(response.status()) ? "RemoteUnavailable"
                    : "ReportingFailed", "the Reporting API answered HTTP " + response.status()
                    + " to getTransactionDetail for vendorTxCode " + vendorTxCode);
        }
        Document document;
        try {
            document = ReportingXml.parse(response.body());
        } catch (IOException e) {
            throw ConnectorException.permanentFailure("ReportingFailed",
                    "the Reporting API's answer to getTransactionDetail is " + e.getMessage(), response.status(),
                    response.body());
        }
        String errorCode = ReportingXml.text(document, "errorcode").orElse("");
        String error = ReportingXml.text(document, "error").orElse("no error text");
        return switch (errorCode) {
            case "0000" -> ReportingXml.text(document, "vpstxid").map(id -> id.replace("{", "").replace("}", ""));
            case NOT_FOUND -> Optional.empty();
            case SIGNATURE_INVALID -> throw ConnectorException.permanentFailure("AuthenticationFailed",
                    "the Reporting API refused the signed request (" + errorCode + " " + error
                            + "): check the reporting user and password", response.status(), response.body());
            default -> throw ConnectorException.permanentFailure("ReportingFailed",
                    "the Reporting API refused getTransactionDetail (" + errorCode + " " + error + ")",
                    response.status(), response.body());
        };
    }
}
