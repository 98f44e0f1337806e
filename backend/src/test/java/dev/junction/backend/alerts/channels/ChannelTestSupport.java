package dev.junction.backend.alerts.channels;

import dev.junction.backend.ApiClient;
import dev.junction.backend.Polling;
import dev.junction.engine.json.PayloadJson;
import org.jooq.DSLContext;
import org.jooq.Record;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the channel tests share: channels made over REST, outbox rows written as the alert evaluator writes them,
 * waiting for a row's delivery, and checking a webhook signature as a receiver would (independently of Junction's
 * code).
 */
final class ChannelTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiClient api;
    private final DSLContext db;

    ChannelTestSupport(ApiClient api, DSLContext db) {
        this.api = api;
        this.db = db;
    }

    /** Creates a channel over REST; answers its id. */
    UUID channel(String kind, String name, Map<String, Object> settings, Map<String, String> secrets) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name + " " + UUID.randomUUID());
        body.put("kind", kind);
        body.put("settings", settings);
        body.put("secrets", secrets);
        HttpResponse<String> created = api.post("/api/v1/alert-channels", PayloadJson.write(body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(read(created).get("id").asString());
    }

    /** A firing alert's message, as the evaluator writes it. */
    static Map<String, Object> firing(UUID alertId, String severity) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("alertId", alertId.toString());
        message.put("ruleId", UUID.randomUUID().toString());
        message.put("ruleName", "Orders failing");
        message.put("severity", severity);
        message.put("state", "firing");
        message.put("reason", "firing");
        message.put("summary", "Run 7f3 of Amazon orders failed: the SP-API answered 403");
        message.put("link", "runs/" + alertId);
        message.put("occurrences", 3);
        message.put("firstSeenAt", "2026-12-07T01:00:00Z");
        message.put("lastSeenAt", "2026-12-07T01:30:00Z");
        message.put("template", null);
        message.put("details", Map.of("runId", "7f3", "workflow", "Amazon orders"));
        return message;
    }

    /** Writes an outbox row (as the alert evaluator does); answers its id. */
    long notify(UUID channelId, String reason, Map<String, Object> message) {
        Record row = db.resultQuery("insert into alert_notifications (channel_id, reason, message)"
                + " values (?, ?, ?::jsonb) returning id", channelId, reason, PayloadJson.write(message)).fetchOne();
        return row.get("id", Long.class);
    }

    /** Waits (at most 20 s) until row {@code id} is no longer pending; answers its state and error. */
    Map<String, Object> delivered(long id) {
        Record row = Polling.lastRead(Duration.ofSeconds(20), Duration.ofMillis(50),
                () -> db.resultQuery("select state, attempts, last_error, sent_at from alert_notifications"
                        + " where id = ?", id).fetchOne(),
                read -> !"pending".equals(read.get("state", String.class)));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("state", row.get("state", String.class));
        state.put("attempts", row.get("attempts", Integer.class));
        state.put("last_error", row.get("last_error", String.class));
        state.put("sent_at", row.get("sent_at"));
        return state;
    }

    static JsonNode read(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static JsonNode read(String body) {
        return JSON.readTree(body);
    }

    /**
     * What a receiver does: recompute HMAC-SHA256 over "timestamp.body" with the shared secret and compare it with
     * X-Junction-Signature (sha256=hex) in constant time.
     */
    static boolean validSignature(String secret, LoopbackReceiver.Received request) throws Exception {
        String timestamp = request.header("X-Junction-Timestamp");
        String signature = request.header("X-Junction-Signature");
        if (timestamp == null || signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8));
        byte[] given = HexFormat.of().parseHex(signature.substring("sha256=".length()));
        return java.security.MessageDigest.isEqual(expected, given);
    }
}
