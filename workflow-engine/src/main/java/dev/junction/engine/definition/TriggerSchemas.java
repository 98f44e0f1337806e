package dev.junction.engine.definition;

import dev.junction.engine.schema.Schemas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.junction.engine.schema.Schemas.defaulting;
import static dev.junction.engine.schema.Schemas.dependsOn;
import static dev.junction.engine.schema.Schemas.expression;
import static dev.junction.engine.schema.Schemas.integer;
import static dev.junction.engine.schema.Schemas.oneOf;
import static dev.junction.engine.schema.Schemas.pattern;
import static dev.junction.engine.schema.Schemas.string;
import static dev.junction.engine.schema.Schemas.titled;
import static dev.junction.engine.schema.Schemas.with;

/**
 * The config schema of each {@link TriggerKind}: what {@link DefinitionValidator}'s trigger checks accept, described
 * for the designer's trigger form and the workflow JSON Schema. The validator reads {@link #VERIFYING_CONNECTORS}
 * from here, so the form's connection picker and the check name the same connector.
 */
final class TriggerSchemas {

    /**
     * On a connection property: which connector its connection must be of, per value of a sibling field
     * ({@code {"kind": {"opayo-server": "opayo-pi"}}} reads "while kind is opayo-server, an opayo-pi connection").
     */
    static final String CONNECTOR = "x-connector";
    /** The webhook signature checks, and the connector whose connection holds each one's secret. */
    static final Map<String, String> VERIFYING_CONNECTORS = verifyingConnectors();
    /** A Quartz cron expression: 6 or 7 fields separated by blanks. */
    static final String CRON_PATTERN = "^\\s*\\S+(\\s+\\S+){5,6}\\s*$";
    static final String OPAYO_SERVER = "opayo-server";
    static final String HMAC_SHA256 = "hmac-sha256";

    private TriggerSchemas() {
    }

    private static Map<String, String> verifyingConnectors() {
        Map<String, String> connectors = new LinkedHashMap<>();
        connectors.put(HMAC_SHA256, "http");
        connectors.put(OPAYO_SERVER, "opayo-pi");
        return java.util.Collections.unmodifiableMap(connectors);
    }

    static Map<String, Object> of(TriggerKind kind) {
        return switch (kind) {
            case MANUAL -> Schemas.object().title(kind.title() + " trigger").description(kind.description())
                    .optional("businessKey", businessKey())
                    .keyword("examples", List.of(Map.of(), Map.of("businessKey", "trigger.orderId")))
                    .build();
            case WEBHOOK -> Schemas.object().title(kind.title() + " trigger").description(kind.description())
                    .optional("verification", verification())
                    .optional("dedupKey", titled("Deduplication key", expression(string("An expression over the"
                            + " payload naming the delivery (e.g. trigger.orderId): a repeat of it starts no second"
                            + " run."))))
                    .optional("businessKey", businessKey())
                    .keyword("examples", List.of(Map.of(),
                            Map.of("verification", Map.of("kind", HMAC_SHA256, "connection", "http-shop",
                                    "timestampHeader", "X-Timestamp", "toleranceSeconds", 300L),
                                    "dedupKey", "trigger.orderId"),
                            Map.of("verification", Map.of("kind", OPAYO_SERVER, "connection", "opayo",
                                    "redirectUrl", "https://shop.example.com/paid"),
                                    "businessKey", "trigger.VendorTxCode")))
                    .build();
            case SCHEDULE -> Schemas.object().title(kind.title() + " trigger").description(kind.description())
                    .required("cron", cron("Cron", "Quartz syntax, 6 or 7 fields, seconds first:"
                            + " 0 0/15 * * * ? is every 15 minutes."))
                    .optional("timeZone", timeZone())
                    .optional("businessKey", businessKey())
                    .keyword("examples", List.of(Map.of("cron", "0 0/15 * * * ?"),
                            Map.of("cron", "0 0 6 ? * MON-FRI", "timeZone", "Europe/London")))
                    .build();
            case POLLING -> Schemas.object().title(kind.title() + " trigger").description(kind.description())
                    .required("connection", titled("Connection", string("The id of the connection to poll.")))
                    .required("operation", titled("Operation", string("A poll operation of the connection's"
                            + " connector: it answers the records that are new since the last poll.")))
                    .required("cron", cron("Interval (cron)", "How often to poll, Quartz cron: 0 0/5 * * * ? is"
                            + " every 5 minutes."))
                    .optional("timeZone", timeZone())
                    .optional("businessKey", businessKey())
                    .keyword("examples", List.of(Map.of("connection", "amazon-eu", "operation", "listOrders",
                            "cron", "0 0/5 * * * ?")))
                    .build();
        };
    }

    private static Map<String, Object> verification() {
        List<String> both = List.copyOf(VERIFYING_CONNECTORS.keySet());
        return Schemas.object().title("Verification")
                .description("Checks each call's signature before anything is parsed; unsigned calls are taken"
                        + " while it is unset.")
                .required("kind", titled("Kind", oneOf("hmac-sha256: an HMAC-SHA256 of the raw body (or"
                        + " timestamp.body) with an HTTP connection's webhook secret; opayo-server: Opayo Server"
                        + " notifications, signed with the Opayo connection's security key.", both)))
                .required("connection", with(dependsOn("kind", both, titled("Connection", string("The connection"
                        + " whose secret signs the calls: an http connection for hmac-sha256, an opayo-pi one for"
                        + " opayo-server."))), CONNECTOR, Map.of("kind", VERIFYING_CONNECTORS)))
                .optional("redirectUrl", dependsOn("kind", List.of(OPAYO_SERVER), titled("Redirect URL",
                        pattern("Required for opayo-server: the http or https address Opayo sends the shopper to"
                                + " next.", "^https?://"))))
                .optional("signatureHeader", dependsOn("kind", List.of(HMAC_SHA256), defaulting("X-Signature",
                        titled("Signature header", string("The header with the signature: hex, or"
                                + " sha256=<hex>.")))))
                .optional("timestampHeader", dependsOn("kind", List.of(HMAC_SHA256), titled("Timestamp header",
                        string("The header with the signing time in Unix seconds; when set, the signature covers"
                                + " timestamp.body and stale calls are refused."))))
                .optional("toleranceSeconds", dependsOn("kind", List.of(HMAC_SHA256), defaulting(300L,
                        titled("Tolerance (s)", with(integer("How far the signing time may be from now, with a"
                                + " timestamp header."), "minimum", 1L)))))
                .build();
    }

    private static Map<String, Object> cron(String title, String description) {
        return titled(title, pattern(description, CRON_PATTERN));
    }

    private static Map<String, Object> timeZone() {
        return defaulting("UTC", titled("Time zone", string("The zone the cron is read in, such as"
                + " Europe/London; UTC when unset.")));
    }

    private static Map<String, Object> businessKey() {
        return titled("Business key", expression(string("An expression over the payload (e.g."
                + " trigger.VendorTxCode) naming what each run concerns, to find runs by it.")));
    }
}
