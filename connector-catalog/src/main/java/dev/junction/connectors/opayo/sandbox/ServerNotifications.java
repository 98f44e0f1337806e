package dev.junction.connectors.opayo.sandbox;

import dev.junction.connectors.outbound.OutboundClient;
import dev.junction.engine.connectors.ConnectorException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opayo's legacy Server notifications (api-contracts §2.9): the form fields Opayo POSTs to a notification URL,
 * signed with {@code VPSSignature} as the contract gives it (written here apart from the connector's own check, so
 * that the two meet only on the wire), sent through the outbound address policy like every call Junction makes.
 */
final class ServerNotifications {

    /** The fields in the order §2.9 hashes them; {@code VendorName} (lower-cased) and {@code SecurityKey} in place. */
    private static final List<String> SIGNED_ORDER = List.of("VPSTxId", "VendorTxCode", "Status", "TxAuthNo",
            "VendorName", "AVSCV2", "SecurityKey", "AddressResult", "PostCodeResult", "CV2Result", "GiftAid",
            "3DSecureStatus", "CAVV", "AddressStatus", "PayerStatus", "CardType", "Last4Digits", "DeclineCode",
            "ExpiryDate", "FraudResponse", "BankAuthCode");

    private final String vendorName;
    private final String securityKey;

    ServerNotifications(String vendorName, String securityKey) {
        this.vendorName = vendorName;
        this.securityKey = securityKey;
    }

    /** The notification's fields for a stored transaction, signed. */
    Map<String, String> fields(SimulatedTransaction transaction) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("VPSProtocol", "3.00");
        fields.put("TxType", transaction.transactionType.toUpperCase(Locale.ROOT));
        fields.put("VendorTxCode", transaction.vendorTxCode);
        fields.put("VPSTxId", "{" + transaction.transactionId + "}");
        fields.put("Status", switch (transaction.status) {
            case "Ok" -> "OK";
            case "NotAuthed" -> "NOTAUTHED";
            case "Authenticated" -> "AUTHENTICATED";
            case "3DAuth" -> "PENDING";
            default -> "ERROR";
        });
        fields.put("StatusDetail", transaction.statusCode + " : " + transaction.statusDetail);
        if (transaction.status.equals("Ok")) {
            fields.put("TxAuthNo", String.valueOf(Math.abs(transaction.transactionId.hashCode()) % 100_000));
        }
        fields.put("AVSCV2", "ALL MATCH");
        fields.put("AddressResult", "MATCHED");
        fields.put("PostCodeResult", "MATCHED");
        fields.put("CV2Result", "MATCHED");
        fields.put("GiftAid", "0");
        fields.put("3DSecureStatus", "OK");
        if (transaction.cardType != null) {
            fields.put("CardType", transaction.cardType.toUpperCase(Locale.ROOT));
            fields.put("Last4Digits", transaction.lastFourDigits);
            fields.put("ExpiryDate", transaction.expiryDate);
        }
        fields.put("VPSSignature", signature(fields));
        return fields;
    }

    /**
     * The {@code VPSSignature} of §2.9: the uppercase hex MD5 of the signed fields in order, missing ones empty.
     */
    // UNCONFIRMED (api-contracts §2.9): protocol 4.00's 3-D Secure 2 fields are not hashed; the text is UTF-8.
    String signature(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        for (String name : SIGNED_ORDER) {
            text.append(switch (name) {
                case "VendorName" -> vendorName.toLowerCase(Locale.ROOT);
                case "SecurityKey" -> securityKey;
                default -> fields.getOrDefault(name, "");
            });
        }
        return SandboxReporting.md5UpperHex(text.toString());
    }

    /** Posts the transaction's notification, form-encoded, to {@code notificationUrl}; answers the reply's text. */
    String send(SimulatedTransaction transaction, URI notificationUrl) throws IOException {
        StringBuilder form = new StringBuilder();
        fields(transaction).forEach((name, value) -> form.append(form.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        try { // through the outbound address policy, like every call Junction makes
            return OutboundClient.shared().send(HttpRequest.newBuilder(notificationUrl)
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (ConnectorException refused) {
            throw new IllegalArgumentException("notificationUrl: " + refused.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while notifying " + notificationUrl, e);
        }
    }
}
