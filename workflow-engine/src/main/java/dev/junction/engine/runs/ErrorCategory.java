package dev.junction.engine.runs;

import java.util.Locale;
import java.util.Map;

/**
 * The kind of fault behind a step's error class, as people triage failures (Celigo's classification): what to do
 * about a failure depends on its category more than on its exact class. {@link #of(String)} places every error class
 * Junction's nodes and connectors raise; a class it does not know is {@link #OTHER}.
 */
public enum ErrorCategory {
    /** Credentials refused or unusable: fix the connection, then retry. */
    AUTH("Authentication"),
    /** The remote could not be reached (DNS, refused, reset, TLS, timeout). */
    CONNECTION("Connection"),
    /** The remote was there but temporarily unable (5xx, report not ready): usually passes on retry. */
    INTERMITTENT("Intermittent"),
    /** Junction's own rate limit or the remote's 429. */
    RATE_LIMIT("Rate limit"),
    /** A value was refused: by the remote (400/422) or by Junction's checks, expressions and mappings. */
    VALIDATION("Validation"),
    /** Something referred to does not exist (404, unknown connection, missing setting or secret). */
    MISSING("Missing"),
    /** The same thing was already done (duplicate order id, VendorTxCode, idempotency key, 409). */
    DUPLICATE("Duplicate"),
    /** An answer or payload over a size limit. */
    TOO_LARGE("Too large"),
    /** An answer that could not be read (not JSON, malformed document, unexpected shape). */
    PARSE("Parse"),
    /** Everything else: remote refusals without a clearer class, Junction's internal faults. */
    OTHER("Other");

    private static final Map<String, ErrorCategory> KNOWN = Map.ofEntries(
            Map.entry("AuthenticationFailed", AUTH), Map.entry("AuthenticationUnavailable", AUTH),
            Map.entry("PermissionDenied", AUTH), Map.entry("SecretUnreadable", AUTH),
            Map.entry("Unreachable", CONNECTION), Map.entry("ConnectionRefused", CONNECTION),
            Map.entry("ConnectionReset", CONNECTION), Map.entry("UnknownHost", CONNECTION),
            Map.entry("TlsFailure", CONNECTION), Map.entry("Timeout", CONNECTION), Map.entry("Refused", CONNECTION),
            Map.entry("RemoteUnavailable", INTERMITTENT), Map.entry("Interrupted", INTERMITTENT),
            Map.entry("ReportNotReady", INTERMITTENT), Map.entry("DocumentUrlExpired", INTERMITTENT),
            Map.entry("MailFailed", INTERMITTENT), Map.entry("WaitTimedOut", INTERMITTENT),
            Map.entry("RateLimited", RATE_LIMIT),
            Map.entry("RemoteValidation", VALIDATION), Map.entry("InvalidInput", VALIDATION),
            Map.entry("InvalidConfig", VALIDATION), Map.entry("InvalidSetting", VALIDATION),
            Map.entry("InvalidState", VALIDATION), Map.entry("MappingError", VALIDATION),
            Map.entry("Ambiguous", VALIDATION), Map.entry("ForeignLink", VALIDATION),
            Map.entry("NotFound", MISSING), Map.entry("UnknownConnection", MISSING),
            Map.entry("UnknownConnector", MISSING), Map.entry("UnknownOperation", MISSING),
            Map.entry("UnknownChannel", MISSING), Map.entry("MissingSetting", MISSING),
            Map.entry("MissingSecret", MISSING), Map.entry("NotConfigured", MISSING),
            Map.entry("WorkflowUnavailable", MISSING),
            Map.entry("Conflict", DUPLICATE),
            Map.entry("ResponseTooLarge", TOO_LARGE),
            Map.entry("NotJson", PARSE), Map.entry("MalformedDocument", PARSE), Map.entry("UnexpectedAnswer", PARSE));

    private final String label;

    ErrorCategory(String label) {
        this.label = label;
    }

    /** The category's name in URLs, APIs and the database: {@code rate_limit}, {@code auth}… */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category's name for people: "Rate limit", "Authentication"… */
    public String label() {
        return label;
    }

    /** The category named {@code jsonName} (case-insensitive), or null when there is none of that name. */
    public static ErrorCategory fromJson(String jsonName) {
        for (ErrorCategory category : values()) {
            if (category.jsonName().equalsIgnoreCase(jsonName)) {
                return category;
            }
        }
        return null;
    }

    /** Every error class placed by name (not by a prefix rule), with its category. */
    public static Map<String, ErrorCategory> knownClasses() {
        return KNOWN;
    }

    /** The category of {@code errorClass}; null for no error class. */
    public static ErrorCategory of(String errorClass) {
        if (errorClass == null || errorClass.isBlank()) {
            return null;
        }
        ErrorCategory known = KNOWN.get(errorClass);
        if (known != null) {
            return known;
        }
        if (errorClass.startsWith("Duplicate")) {
            return DUPLICATE;
        }
        if (errorClass.startsWith("Expression") || errorClass.startsWith("Script") || errorClass.startsWith("Invalid")
                || errorClass.startsWith("Mapping") || errorClass.endsWith("Validation")) {
            return VALIDATION;
        }
        if (errorClass.endsWith("TooLarge")) {
            return TOO_LARGE;
        }
        if (errorClass.startsWith("Missing") || errorClass.startsWith("Unknown")) {
            return MISSING;
        }
        if (errorClass.startsWith("Auth")) {
            return AUTH;
        }
        return OTHER;
    }
}
