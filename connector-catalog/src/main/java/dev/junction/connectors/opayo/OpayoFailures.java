package dev.junction.connectors.opayo;

import dev.junction.connectors.http.RemoteFailures;
import dev.junction.connectors.http.RemoteResponse;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.json.PayloadJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Opayo Pi's three error shapes (api-contracts §2.8) into one failure that names the property and code: a
 * list {@code {"errors": [{code, description, property}]}}, a single {@code {code, description}} and a
 * transaction-shaped answer whose {@code status} is not a success. 401 is {@code AuthenticationFailed}, 403
 * {@code PermissionDenied}; 408, 429 and 5xx may pass when tried again, everything else will not.
 */
public final class OpayoFailures {

    /** Transaction statuses that are not a failure: authorised, waiting for 3-D Secure, authenticated, registered. */
    public static final Set<String> SUCCESS_STATUSES = Set.of("Ok", "3DAuth", "Authenticated", "Registered");
    // UNCONFIRMED (api-contracts §2.8): Pi refuses a repeated vendorTxCode with 4001 or 4042, in whichever shape
    // (errors list, single error or statusCode); it never answers the original transaction.
    /** The codes by which Opayo refuses a vendorTxCode it has seen before. */
    public static final Set<Long> DUPLICATE_VENDOR_TX_CODES = Set.of(4001L, 4042L);

    private OpayoFailures() {
    }

    /** The failure of an unsuccessful answer to {@code operation}. */
    public static ConnectorException of(String operation, RemoteResponse response) {
        Object body = parse(response.body());
        String detail;
        String shapeClass;
        if (body instanceof Map<?, ?> map && map.get("errors") instanceof List<?> errors) {
            detail = listDetail(errors);
            shapeClass = anyDuplicate(errors) ? "DuplicateVendorTxCode" : "RemoteValidation";
        } else if (body instanceof Map<?, ?> map && map.get("status") instanceof String status) {
            detail = transactionDetail(map);
            shapeClass = transactionClass(status);
        } else if (body instanceof Map<?, ?> map && (map.containsKey("code") || map.containsKey("description"))) {
            detail = single(map.get("code"), map.get("description"));
            shapeClass = duplicateCode(code(map.get("code"))) ? "DuplicateVendorTxCode"
                    : "RemoteRejected";
        } else {
            detail = "no Opayo error body";
            shapeClass = "RemoteRejected";
        }
        String message = "Opayo refused " + operation + " (HTTP " + response.status() + "): " + detail;
        return RemoteFailures.of(response, errorClass(response.status(), shapeClass), message);
    }

    /**
     * The failure for a transaction answered with a status that is not a success (a declined or rejected card
     * answered with 2xx counts too), or empty when the transaction went through.
     */
    public static Optional<ConnectorException> ofTransaction(String operation, RemoteResponse response,
                                                                        Map<?, ?> transaction) {
        Object status = transaction.get("status");
        if (status instanceof String text && SUCCESS_STATUSES.contains(text)) {
            return Optional.empty();
        }
        String message = "Opayo did not take the transaction in " + operation + ": " + transactionDetail(transaction);
        String errorClass = status instanceof String text ? transactionClass(text) : "RemoteRejected";
        if (RemoteFailures.retryable(response.status())) {
            return Optional.of(RemoteFailures.of(response, errorClass, message));
        }
        return Optional.of(ConnectorException.permanentFailure(errorClass, message, response.status(),
                response.body()));
    }

    /** Whether the answer refuses a vendorTxCode that Opayo has seen before. */
    public static boolean refusesDuplicate(RemoteResponse response) {
        Object body = parse(response.body());
        if (body instanceof Map<?, ?> map) {
            if (map.get("errors") instanceof List<?> errors) {
                return anyDuplicate(errors);
            }
            return duplicateCode(code(map.get("code")))
                    || duplicateCode(code(map.get("statusCode")));
        }
        return false;
    }

    private static String errorClass(int status, String shapeClass) {
        return switch (status) {
            case 401 -> "AuthenticationFailed";
            case 403 -> "PermissionDenied";
            case 404 -> "NotFound";
            case 408 -> "Timeout";
            case 429 -> "RateLimited";
            default -> status >= 500 ? "RemoteUnavailable" : shapeClass;
        };
    }

    private static String transactionClass(String status) {
        return switch (status) {
            case "NotAuthed" -> "CardDeclined";
            case "Rejected" -> "PaymentRejected";
            case "Invalid", "Malformed" -> "RemoteValidation";
            default -> "RemoteError";
        };
    }

    private static String listDetail(List<?> errors) {
        List<String> parts = new ArrayList<>();
        for (Object error : errors) {
            if (error instanceof Map<?, ?> map) {
                String text = single(map.get("code"), map.get("description"));
                parts.add(map.get("property") instanceof String property && !property.isEmpty()
                        ? property + " " + text : text);
            }
        }
        return parts.isEmpty() ? "an empty error list" : String.join("; ", parts);
    }

    private static String transactionDetail(Map<?, ?> transaction) {
        StringBuilder text = new StringBuilder("status ").append(transaction.get("status"));
        if (transaction.get("statusCode") != null) {
            text.append(" (").append(transaction.get("statusCode")).append(')');
        }
        if (transaction.get("statusDetail") != null) {
            text.append(": ").append(transaction.get("statusDetail"));
        }
        if (transaction.get("transactionId") != null) {
            text.append(" [transaction ").append(transaction.get("transactionId")).append(']');
        }
        return text.toString();
    }

    private static String single(Object code, Object description) {
        return (code == null ? "" : "(" + code + ") ") + (description == null ? "no description" : description);
    }

    private static boolean anyDuplicate(List<?> errors) {
        return errors.stream().anyMatch(error -> error instanceof Map<?, ?> map
                && duplicateCode(code(map.get("code"))));
    }

    private static boolean duplicateCode(Long code) {
        return code != null && DUPLICATE_VENDOR_TX_CODES.contains(code);
    }

    private static Long code(Object code) {
        if (code instanceof Number number) {
            return number.longValue();
        }
        if (code instanceof String text && text.matches("[0-9]{1,6}")) {
            return Long.parseLong(text);
        }
        return null;
    }

    static Object parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return PayloadJson.read(body);
        } catch (IllegalArgumentException notJson) {
            return null;
        }
    }
}
