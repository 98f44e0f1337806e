package dev.junction.connectors.opayo.sandbox;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One transaction the simulator holds, with what happened to it since (instructions, refunds). */
final class SimulatedTransaction {

    final String transactionId;
    final String transactionType;
    final String vendorTxCode;
    final long amount;
    final String currency;
    final String status;
    final String statusCode;
    final String statusDetail;
    final String cardType;
    final String lastFourDigits;
    final String expiryDate;
    final String cardIdentifier;
    final OffsetDateTime created;
    final List<Map<String, Object>> instructions = new ArrayList<>();
    long refunded;
    boolean authorised;
    /** The transaction a Repeat, Refund or Authorise refers to (its card type is theirs). */
    SimulatedTransaction reference;
    /** The settlement batch it was closed into; null until then. */
    String batchId;
    /**
     * The checks' outcomes and fee of a reconciliation scenario's transaction (null / 0 for the others, which
     * answer a clean 3-D Secure and AVS/CV2 check and list no fee).
     */
    String threeDSecureStatus;
    String avsCvcStatus;
    String securityCodeResult;
    long fee;

    SimulatedTransaction(String transactionId, String transactionType, String vendorTxCode, long amount,
                         String currency, String status, String statusCode, String statusDetail, CardOnFile card,
                         OffsetDateTime created) {
        this.transactionId = transactionId;
        this.transactionType = transactionType;
        this.vendorTxCode = vendorTxCode;
        this.amount = amount;
        this.currency = currency;
        this.status = status;
        this.statusCode = statusCode;
        this.statusDetail = statusDetail;
        this.cardType = card == null ? null : card.cardType();
        this.lastFourDigits = card == null ? null : card.cardNumber().substring(card.cardNumber().length() - 4);
        this.expiryDate = card == null ? null : card.expiryDate();
        this.cardIdentifier = card == null ? null : card.cardIdentifier();
        this.created = created;
    }

    /** A card identifier as the simulator keeps it (the number never leaves the simulator). */
    record CardOnFile(String cardIdentifier, String merchantSessionKey, String cardNumber, String expiryDate,
                      String cardType, boolean reusable) {
    }

    boolean has(String instructionType) {
        return instructions.stream().anyMatch(instruction -> instructionType.equals(instruction.get("instructionType")));
    }

    /** What may still be refunded: the amount taken (a released deferred payment: the amount released). */
    long refundable() {
        long taken = transactionType.equals("Deferred") ? instructions.stream()
                .filter(instruction -> "release".equals(instruction.get("instructionType")))
                .mapToLong(instruction -> (Long) instruction.get("amount")).sum() : amount;
        return taken - refunded;
    }

    /** Whether closing a batch settles it: taken (a deferred payment: released), not voided, not yet settled. */
    boolean settleable() {
        return batchId == null && status.equals("Ok") && !has("void") && !transactionType.equals("Authenticate")
                && (!transactionType.equals("Deferred") || has("release"));
    }

    /** What it adds to its batch in minor units: the amount taken (released), a refund's negative. */
    long settledAmount() {
        if (transactionType.equals("Refund")) {
            return -amount;
        }
        return transactionType.equals("Deferred") ? refundable() + refunded : amount;
    }

    /** The card type, or that of the transaction it refers to; "Unknown" when there is none. */
    String settledCardType() {
        for (SimulatedTransaction at = this; at != null; at = at.reference) {
            if (at.cardType != null) {
                return at.cardType;
            }
        }
        return "Unknown";
    }

    /** The Pi transaction object (api-contracts §2.6). */
    Map<String, Object> body(String baseUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transactionId", transactionId);
        body.put("transactionType", transactionType);
        body.put("status", status);
        body.put("statusCode", statusCode);
        body.put("statusDetail", statusDetail);
        body.put("retrievalReference", Math.abs((long) transactionId.hashCode()));
        body.put("bankResponseCode", status.equals("NotAuthed") ? "05" : "00");
        if (status.equals("Ok")) {
            body.put("bankAuthorisationCode", String.format("%06d", Math.abs(transactionId.hashCode()) % 1_000_000));
        }
        if (cardIdentifier != null) {
            body.put("paymentMethod", Map.of("card", Map.of("cardType", cardType, "lastFourDigits", lastFourDigits,
                    "expiryDate", expiryDate, "cardIdentifier", cardIdentifier, "reusable", false)));
        }
        body.put("amount", Map.of("totalAmount", amount, "saleAmount", amount, "surchargeAmount", 0L));
        body.put("currency", currency);
        if (status.equals("3DAuth")) {
            body.put("acsUrl", baseUrl + "/acs/" + transactionId);
            body.put("cReq", "sandbox-creq-" + transactionId);
        } else if (cardIdentifier != null) {
            body.put("3DSecure", Map.of("status", threeDSecureStatus == null ? "Authenticated" : threeDSecureStatus));
            body.put("avsCvcCheck", Map.of("status", avsCvcStatus == null ? "AllMatched" : avsCvcStatus,
                    "address", "Matched", "postalCode", "Matched",
                    "securityCode", securityCodeResult == null ? "Matched" : securityCodeResult));
        }
        return body;
    }
}
