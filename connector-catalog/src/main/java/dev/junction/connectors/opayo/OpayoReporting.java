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
 * Signed calls to Opayo's Reporting API (api-contracts §2.10): {@code getTransactionDetail} by
 * {@code vendortxcode}, to learn whether an attempt whose answer was lost reached Opayo and under which transaction
 * id, and any other command by name (the reconciliation polls' {@code getTransactionList} / {@code getBatchList}).
 */
final class OpayoReporting {

    // UNCONFIRMED (api-contracts §2.10): the answer names the transaction id <vpstxid> (in braces or not) and
    // says "no such transaction" with error code 0043; the guide with the response fields is not in the corpus.
    static final String NOT_FOUND = "0043";
    static final String SIGNATURE_INVALID = "0010";
    static final String OK = "0000";

    private final RemoteHttp http;

    OpayoReporting(RemoteHttp http) {
        this.http = http;
    }

    /** An answer the Reporting API gave with HTTP 2xx: its error code (0000 on success) and the document. */
    record Answer(String errorCode, String error, Document document, int status, String body) {
    }

    /** Whether the connection has what the Reporting API needs (a user and its password). */
    static boolean configured(OpayoSettings settings, ConnectionAccess connection) {
        return settings.reportingUser().isPresent()
                && connection.secret(OpayoSettings.REPORTING_PASSWORD).isPresent();
    }

    /** The Pi transaction id Opayo holds under the vendorTxCode, or empty when it holds none. */
    Optional<String> transactionIdOf(String vendorTxCode, OpayoSettings settings, ConnectionAccess connection,
                                     Instant deadline) throws ConnectorException {
        Answer answer = send("getTransactionDetail", ReportingXml.element("vendortxcode", vendorTxCode),
                "for vendorTxCode " + vendorTxCode, settings, connection, deadline);
        return switch (answer.errorCode()) {
            case OK -> ReportingXml.text(answer.document(), "vpstxid").map(OpayoReporting::withoutBraces);
            case NOT_FOUND -> Optional.empty();
            default -> throw refusal("getTransactionDetail", answer);
        };
    }

    /**
     * Sends one signed command ({@code params}: the XML of its parameters, placed after vendor and user) and answers
     * what came back with HTTP 2xx, whatever its error code; a user or password missing → {@code MissingSetting} /
     * {@code MissingSecret} naming it, HTTP 429/5xx → retryable, other HTTP failures and unreadable XML → permanent.
     */
    Answer send(String command, String params, String about, OpayoSettings settings, ConnectionAccess connection,
                Instant deadline) throws ConnectorException {
        String user = settings.reportingUser().orElseThrow(() -> ConnectorException.permanentFailure(
                "MissingSetting", "the connection has no '" + OpayoSettings.REPORTING_USER + "' setting: " + command
                        + " needs a Reporting API user", null, null));
        String password = connection.requiredSecret(OpayoSettings.REPORTING_PASSWORD);
        String inner = ReportingXml.element("command", command)
                + ReportingXml.element("vendor", settings.vendorName())
                + ReportingXml.element("user", user)
                + params;
        String xml = ReportingXml.request(inner, password);
        RemoteResponse response = http.send(HttpRequest.newBuilder(settings.reportingUrl())
                .POST(HttpRequest.BodyPublishers.ofString("XML=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded"), deadline);
        String suffix = about.isEmpty() ? "" : " " + about;
        if (!response.ok()) {
            String errorClass = response.status() == 429 ? "RateLimited"
                    : RemoteFailures.retryable(response.status()) ? "RemoteUnavailable" : "ReportingFailed";
            throw RemoteFailures.of(response, errorClass, "the Reporting API answered HTTP " + response.status()
                    + " to " + command + suffix);
        }
        Document document;
        try {
            document = ReportingXml.parse(response.body());
        } catch (IOException e) {
            throw ConnectorException.permanentFailure("ReportingFailed",
                    "the Reporting API's answer to " + command + " is " + e.getMessage(), response.status(),
                    response.body());
        }
        return new Answer(ReportingXml.text(document, "errorcode").orElse(""),
                ReportingXml.text(document, "error").orElse("no error text"), document, response.status(),
                response.body());
    }

    /** The failure for an answer whose error code is not a success: 0010 → AuthenticationFailed, else permanent. */
    static ConnectorException refusal(String command, Answer answer) {
        if (answer.errorCode().equals(SIGNATURE_INVALID)) {
            return ConnectorException.permanentFailure("AuthenticationFailed",
                    "the Reporting API refused the signed " + command + " request (" + answer.errorCode() + " "
                            + answer.error() + "): check the reporting user and password", answer.status(),
                    answer.body());
        }
        return ConnectorException.permanentFailure("ReportingFailed", "the Reporting API refused " + command + " ("
                + (answer.errorCode().isEmpty() ? "no error code" : answer.errorCode()) + " " + answer.error() + ")",
                answer.status(), answer.body());
    }

    static String withoutBraces(String id) {
        return id.replace("{", "").replace("}", "");
    }
}
