package dev.junction.backend.alerts.channels;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The channels' REST API: kinds and schemas, validation naming the field, secrets sealed and never answered. */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertChannelApiTest {

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;

    private ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
    }

    @Test
    void everyKindComesWithItsSettingsSchemaAndSecretsMarked() {
        JsonNode kinds = ChannelTestSupport.read(admin.get("/api/v1/alert-channels/kinds"));

        List<String> names = new ArrayList<>();
        kinds.forEach(kind -> names.add(kind.get("kind").asString()));
        assertThat(names).containsExactly("email", "slack", "teams", "webhook", "pagerduty");
        JsonNode webhook = kinds.get(3).get("settingsSchema").get("properties");
        assertThat(webhook.get("url").has("x-secret")).isFalse();
        assertThat(webhook.get("signingSecret").get("x-secret").asBoolean()).isTrue();
        JsonNode pagerDuty = kinds.get(4).get("settingsSchema").get("properties");
        assertThat(pagerDuty.get("routingKey").get("x-secret").asBoolean()).isTrue();
        assertThat(pagerDuty.get("eventsUrl").get("default").asString())
                .isEqualTo("https://events.pagerduty.com/v2/enqueue");
    }

    @Test
    void badInputIsRefusedNamingEachField() {
        assertThat(fields(admin.post("/api/v1/alert-channels", "{\"name\": \"x\", \"kind\": \"sms\"}")))
                .containsExactly("kind");
        assertThat(fields(admin.post("/api/v1/alert-channels", "{\"name\": \" \", \"kind\": \"webhook\","
                + " \"settings\": {\"url\": \"ftp://files.example.test\", \"colour\": \"red\"},"
                + " \"secrets\": {\"signingSecret\": \"short\", \"routingKey\": \"x\"}}")))
                .containsExactlyInAnyOrder("name", "settings.colour", "settings.url", "secrets.signingSecret",
                        "secrets.routingKey");
        assertThat(fields(admin.post("/api/v1/alert-channels", "{\"name\": \"Hook " + UUID.randomUUID() + "\","
                + " \"kind\": \"webhook\", \"settings\": {\"url\": \"https://hooks.example.test/x\","
                + " \"signingSecret\": \"in-the-wrong-place\"}}")))
                .containsExactlyInAnyOrder("settings.signingSecret", "secrets.signingSecret");
        assertThat(fields(admin.post("/api/v1/alert-channels", "{\"name\": \"Mail " + UUID.randomUUID() + "\","
                + " \"kind\": \"email\", \"settings\": {\"recipients\": \"ops at shop\"}}")))
                .containsExactly("settings.recipients");
        assertThat(fields(admin.post("/api/v1/alert-channels", "{\"name\": \"Slack " + UUID.randomUUID() + "\","
                + " \"kind\": \"slack\"}"))).containsExactly("secrets.webhookUrl");
    }

    @Test
    void secretsAreSealedNeverAnsweredAndKeptWhenAnUpdateLeavesThemOut() {
        String secret = "https://hooks.slack.example.test/services/T000/B000/XXXXSECRETXXXX";
        String name = "Slack " + UUID.randomUUID();
        HttpResponse<String> created = admin.post("/api/v1/alert-channels", "{\"name\": \"" + name + "\","
                + " \"kind\": \"slack\", \"secrets\": {\"webhookUrl\": \"" + secret + "\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("XXXXSECRETXXXX");
        JsonNode channel = ChannelTestSupport.read(created);
        String id = channel.get("id").asString();
        assertThat(channel.get("secrets").get("webhookUrl").get("set").asBoolean()).isTrue();
        assertThat(channel.get("secrets").get("webhookUrl").get("setBy").asString()).isEqualTo("admin");
        byte[] stored = db.resultQuery("select ciphertext from alert_channel_secrets where channel_id = ?::uuid",
                id).fetchOne().get(0, byte[].class);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("XXXXSECRETXXXX");

        HttpResponse<String> renamed = admin.send("PUT", "/api/v1/alert-channels/" + id, "{\"name\": \"" + name
                + " renamed\"}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(ChannelTestSupport.read(renamed).get("secrets").get("webhookUrl").get("set").asBoolean()).isTrue();
        assertThat(fields(admin.send("PUT", "/api/v1/alert-channels/" + id, "{\"name\": \"" + name
                + "\", \"kind\": \"teams\"}"))).containsExactly("kind");
        assertThat(admin.get("/api/v1/alert-channels").body()).doesNotContain("XXXXSECRETXXXX");
        assertThat(admin.get("/api/v1/audit").body()).doesNotContain("XXXXSECRETXXXX");
    }

    @Test
    void aChannelARuleNotifiesCannotBeDeletedAndTheAnswerNamesTheRule() {
        HttpResponse<String> created = admin.post("/api/v1/alert-channels", "{\"name\": \"Mail " + UUID.randomUUID()
                + "\", \"kind\": \"email\", \"settings\": {\"recipients\": \"ops@shop.test\"}}");
        String id = ChannelTestSupport.read(created).get("id").asString();
        String rule = "Orders failing " + UUID.randomUUID();
        db.execute("insert into alert_rules (name, condition_kind, channel_ids, created_by, updated_by)"
                + " values (?, 'run_failed', array[?::uuid], 'admin', 'admin')", rule, id);

        HttpResponse<String> refused = admin.delete("/api/v1/alert-channels/" + id);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(ChannelTestSupport.read(refused).get("detail").asString()).contains("'" + rule + "'");
        db.execute("delete from alert_rules where name = ?", rule);
        assertThat(admin.delete("/api/v1/alert-channels/" + id).statusCode()).isEqualTo(204);
        assertThat(admin.get("/api/v1/alert-channels/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void anOperatorManagesChannelsAndAViewerMayNotSeeThem() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        String operatorName = "chan-operator-" + suffix;
        String viewerName = "chan-viewer-" + suffix;
        for (String[] user : List.of(new String[]{operatorName, "OPERATOR"}, new String[]{viewerName, "VIEWER"})) {
            HttpResponse<String> made = admin.post("/api/v1/users", "{\"username\": \"" + user[0] + "\","
                    + " \"displayName\": \"" + user[0] + "\", \"password\": \"a-long-password-42\", \"roles\": [\""
                    + user[1] + "\"]}");
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        }
        ApiClient operator = ApiClient.anonymous(port).as(operatorName, "a-long-password-42");
        ApiClient viewer = ApiClient.anonymous(port).as(viewerName, "a-long-password-42");

        assertThat(operator.post("/api/v1/alert-channels", "{\"name\": \"Op " + UUID.randomUUID() + "\","
                + " \"kind\": \"email\", \"settings\": {\"recipients\": \"ops@shop.test\"}}").statusCode())
                .isEqualTo(201);
        assertThat(viewer.get("/api/v1/alert-channels").statusCode()).isEqualTo(403);
    }

    private static List<String> fields(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        ChannelTestSupport.read(response).get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
