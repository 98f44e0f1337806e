package dev.junction.connectors.opayo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An Opayo Server notification (api-contracts §2.9): the form fields Opayo POSTs to the notification URL, checked
 * against their {@code VPSSignature} — the uppercase hex MD5 of the signed fields in Opayo's order, with the
 * lower-cased vendor name and the security key (never posted) in their places — and the plain-text reply Opayo
 * expects ({@code Status=OK|INVALID|ERROR}, {@code RedirectURL=…}, {@code StatusDetail=…}, CRLF-separated). Pure:
 * the platform's webhook endpoint hands it the fields and the connection's stored vendor name and security key.
 */
public final class OpayoServerNotification {

    /** The fields in the order they are hashed; {@code VendorName} and {@code SecurityKey} come from the vendor. */
    public static final List<String> SIGNED_ORDER = List.of("VPSTxId", "VendorTxCode", "Status", "TxAuthNo",
            "VendorName", "AVSCV2", "SecurityKey", "AddressResult", "PostCodeResult", "CV2Result", "GiftAid",
            "3DSecureStatus", "CAVV", "AddressStatus", "PayerStatus", "CardType", "Last4Digits", "DeclineCode",
            "ExpiryDate", "FraudResponse", "BankAuthCode");
    // UNCONFIRMED (api-contracts §2.9): protocol 4.00's 3-D Secure 2 fields (ACSTransID, DSTransID) are not hashed,
    // and the text is hashed as UTF-8.

    private static final List<String> REQUIRED = List.of("VPSTxId", "VendorTxCode", "Status", "VPSSignature");

    private final Map<String, String> fields;

    public OpayoServerNotification(Map<String, String> fields) {
        this.fields = Map.copyOf(fields);
    }

    /** A notification from decoded form fields (the first value of each). */
    public static OpayoServerNotification fromForm(Map<String, List<String>> form) {
        Map<String, String> first = new LinkedHashMap<>();
        form.forEach((name, values) -> first.put(name, values.isEmpty() ? "" : values.getFirst()));
        return new OpayoServerNotification(first);
    }

    public String field(String name) {
        return fields.getOrDefault(name, "");
    }

    /** The signature Opayo computes for these fields with the vendor's name and security key. */
    public String expectedSignature(String vendorName, String securityKey) {
        StringBuilder text = new StringBuilder();
        for (String name : SIGNED_ORDER) {
            text.append(switch (name) {
                case "VendorName" -> vendorName.toLowerCase(Locale.ROOT);
                case "SecurityKey" -> securityKey;
                default -> field(name);
            });
        }
        return ReportingXml.md5Hex(text.toString());
    }

    /** Whether the fields carry the signature they should (compared in constant time, case-insensitively). */
    public boolean signatureValid(String vendorName, String securityKey) {
        byte[] expected = expectedSignature(vendorName, securityKey).getBytes(StandardCharsets.US_ASCII);
        byte[] given = field("VPSSignature").toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /**
     * The reply to send back: {@code ERROR} when a required field is missing, {@code INVALID} when the signature
     * does not match (the notification is rejected), {@code OK} otherwise. {@code redirectUrl} is where Opayo sends
     * the shopper next.
     */
    public Reply reply(String vendorName, String securityKey, String redirectUrl) {
        Objects.requireNonNull(securityKey, "securityKey");
        for (String name : REQUIRED) {
            if (field(name).isEmpty()) {
                return new Reply(Reply.Status.ERROR, redirectUrl, "the notification has no " + name);
            }
        }
        if (!signatureValid(vendorName, securityKey)) {
            return new Reply(Reply.Status.INVALID, redirectUrl,
                    "VPSSignature does not match the notification of " + field("VendorTxCode"));
        }
        return new Reply(Reply.Status.OK, redirectUrl, null);
    }

    /** The plain-text reply Opayo reads. */
    public record Reply(Status status, String redirectUrl, String statusDetail) {

        public enum Status { OK, INVALID, ERROR }

        public Reply {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(redirectUrl, "redirectUrl");
            if (redirectUrl.contains("\r") || redirectUrl.contains("\n")
                    || statusDetail != null && (statusDetail.contains("\r") || statusDetail.contains("\n"))) {
                throw new IllegalArgumentException("a reply line cannot contain a line break");
            }
        }

        public boolean accepted() {
            return status == Status.OK;
        }

        /** {@code Status=…}, {@code RedirectURL=…} and, when there is one, {@code StatusDetail=…}, each ending CRLF. */
        public String body() {
            return "Status=" + status + "\r\n" + "RedirectURL=" + redirectUrl + "\r\n"
                    + (statusDetail == null ? "" : "StatusDetail=" + statusDetail + "\r\n");
        }
    }
}
