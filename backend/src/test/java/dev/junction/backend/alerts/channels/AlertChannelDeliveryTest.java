package dev.junction.backend.alerts.channels;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.notifications.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox delivered by the running dispatcher to real receivers: an SMTP server (GreenMail) and HTTP servers on
 * 127.0.0.1; retries, giving up, the address policy, a disabled channel, and "send test".
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"junction.alerts.dispatch.interval=50ms", "junction.alerts.dispatch.retry-base=50ms",
                "junction.alerts.dispatch.max-attempts=3", "junction.public-url=https://junction.example.test/"})
class AlertChannelDeliveryTest {

    private static final String SIGNING_SECRET = "whsec-0123456789abcdef";

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.server();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry properties) {
        TestSmtp.settings(properties, smtp);
    }

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;

    private ApiClient admin;
    private ChannelTestSupport support;
    private LoopbackReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        support = new ChannelTestSupport(admin, db);
        receiver = new LoopbackReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void anEmailChannelSendsExactlyOneEmailPerNotificationThroughTheSmtpServer() throws Exception {
        UUID channel = support.channel("email", "On-call mail", Map.of("recipients", "oncall@shop.test"), Map.of());
        UUID alert = UUID.randomUUID();
        int before = smtp.getReceivedMessages().length;

        long id = support.notify(channel, "firing", ChannelTestSupport.firing(alert, "critical"));

        assertThat(support.delivered(id)).containsEntry("state", "sent").containsEntry("attempts", 1);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(before + 1);
        MimeMessage mail = received[received.length - 1];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("oncall@shop.test");
        assertThat(mail.getSubject()).isEqualTo("[Junction] [CRITICAL] Orders failing: Run 7f3 of Amazon orders"
                + " failed: the SP-API answered 403");
        String text = ((String) mail.getContent()).strip();
        assertThat(text).startsWith("Run 7f3 of Amazon orders failed").contains("occurrences 3")
                .contains("https://junction.example.test/runs/" + alert);
        assertThat(mail.getHeader("X-Junction-Idempotency-Key")).containsExactly(String.valueOf(id));
    }

    @Test
    void aWebhookChannelPostsOnceWithAValidSignatureAndTheRowIdAsIdempotencyKey() throws Exception {
        UUID channel = support.channel("webhook", "Signed hook", Map.of("url", receiver.url("/alerts")),
                Map.of("signingSecret", SIGNING_SECRET));
        UUID alert = UUID.randomUUID();
        Map<String, Object> message = ChannelTestSupport.firing(alert, "warning");
        message.put("template", "{{ruleName}} ({{severity}}): {{summary}} ×{{occurrences}} run {{details.runId}}"
                + " {{link}}");

        long id = support.notify(channel, "firing", message);

        assertThat(support.delivered(id)).containsEntry("state", "sent");
        List<LoopbackReceiver.Received> posts = receiver.received("/alerts");
        assertThat(posts).hasSize(1);
        LoopbackReceiver.Received post = posts.getFirst();
        assertThat(ChannelTestSupport.validSignature(SIGNING_SECRET, post)).as("signature").isTrue();
        assertThat(ChannelTestSupport.validSignature("another-secret-of-16", post)).isFalse();
        assertThat(post.header("Idempotency-Key")).isEqualTo(String.valueOf(id));
        assertThat(post.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = ChannelTestSupport.read(post.body());
        assertThat(body.get("notificationId").asLong()).isEqualTo(id);
        assertThat(body.get("reason").asString()).isEqualTo("firing");
        assertThat(body.get("link").asString()).isEqualTo("https://junction.example.test/runs/" + alert);
        assertThat(body.get("text").asString()).isEqualTo("Orders failing (warning): Run 7f3 of Amazon orders"
                + " failed: the SP-API answered 403 ×3 run 7f3 https://junction.example.test/runs/" + alert);
        assertThat(body.get("alert").get("id").asString()).isEqualTo(alert.toString());
        assertThat(body.get("alert").get("details").get("workflow").asString()).isEqualTo("Amazon orders");
    }

    @Test
    void slackTeamsAndPagerDutyGetTheirOwnPayloadShapes() throws Exception {
        UUID slack = support.channel("slack", "Slack", Map.of(), Map.of("webhookUrl", receiver.url("/slack")));
        UUID teams = support.channel("teams", "Teams", Map.of(), Map.of("webhookUrl", receiver.url("/teams")));
        UUID legacyTeams = support.channel("teams", "Teams legacy", Map.of("cardFormat", "messageCard"),
                Map.of("webhookUrl", receiver.url("/teams-legacy")));
        UUID pagerDuty = support.channel("pagerduty", "PagerDuty", Map.of("eventsUrl", receiver.url("/pd")),
                Map.of("routingKey", "R0UT1NGKEY0123456789"));
        UUID alert = UUID.randomUUID();
        String link = "https://junction.example.test/runs/" + alert;

        for (UUID channel : List.of(slack, teams, legacyTeams, pagerDuty)) {
            assertThat(support.delivered(support.notify(channel, "firing",
                    ChannelTestSupport.firing(alert, "critical")))).containsEntry("state", "sent");
        }
        Map<String, Object> resolved = ChannelTestSupport.firing(alert, "critical");
        resolved.put("state", "resolved");
        resolved.put("reason", "resolved");
        assertThat(support.delivered(support.notify(pagerDuty, "resolved", resolved))).containsEntry("state", "sent");

        JsonNode slackBody = ChannelTestSupport.read(receiver.received("/slack").getFirst().body());
        assertThat(slackBody.get("text").asString()).startsWith("[CRITICAL] Orders failing: Run 7f3");
        assertThat(slackBody.get("blocks").get(0).get("type").asString()).isEqualTo("header");
        assertThat(slackBody.get("blocks").get(1).get("text").get("type").asString()).isEqualTo("mrkdwn");
        assertThat(slackBody.get("blocks").get(2).get("elements").get(0).get("url").asString()).isEqualTo(link);

        JsonNode teamsBody = ChannelTestSupport.read(receiver.received("/teams").getFirst().body());
        assertThat(teamsBody.get("type").asString()).isEqualTo("message");
        JsonNode attachment = teamsBody.get("attachments").get(0);
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(attachment.get("content").get("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(attachment.get("content").get("actions").get(0).get("url").asString()).isEqualTo(link);

        JsonNode legacy = ChannelTestSupport.read(receiver.received("/teams-legacy").getFirst().body());
        assertThat(legacy.get("@type").asString()).isEqualTo("MessageCard");
        assertThat(legacy.get("themeColor").asString()).isEqualTo("D13438");
        assertThat(legacy.get("potentialAction").get(0).get("targets").get(0).get("uri").asString())
                .isEqualTo(link);

        List<LoopbackReceiver.Received> events = receiver.received("/pd");
        assertThat(events).hasSize(2);
        JsonNode trigger = ChannelTestSupport.read(events.get(0).body());
        assertThat(trigger.get("routing_key").asString()).isEqualTo("R0UT1NGKEY0123456789");
        assertThat(trigger.get("event_action").asString()).isEqualTo("trigger");
        assertThat(trigger.get("dedup_key").asString()).isEqualTo(alert.toString());
        assertThat(trigger.get("payload").get("severity").asString()).isEqualTo("critical");
        assertThat(trigger.get("payload").get("source").asString()).isEqualTo("junction");
        assertThat(trigger.get("payload").get("summary").asString()).startsWith("[CRITICAL] Orders failing");
        assertThat(trigger.get("links").get(0).get("href").asString()).isEqualTo(link);
        JsonNode resolve = ChannelTestSupport.read(events.get(1).body());
        assertThat(resolve.get("event_action").asString()).isEqualTo("resolve");
        assertThat(resolve.get("dedup_key").asString()).isEqualTo(alert.toString());
        assertThat(resolve.has("payload")).isFalse();
    }

    @Test
    void a503IsRetriedWithTheSameIdempotencyKeyUntilItIsDelivered() throws Exception {
        receiver.answerNext(new LoopbackReceiver.Answer(503, Map.of()), new LoopbackReceiver.Answer(429,
                Map.of("Retry-After", "0")));
        UUID channel = support.channel("webhook", "Flaky", Map.of("url", receiver.url("/flaky")),
                Map.of("signingSecret", SIGNING_SECRET));

        long id = support.notify(channel, "firing", ChannelTestSupport.firing(UUID.randomUUID(), "info"));

        assertThat(support.delivered(id)).containsEntry("state", "sent").containsEntry("attempts", 3)
                .containsEntry("last_error", null);
        List<LoopbackReceiver.Received> posts = receiver.received("/flaky");
        assertThat(posts).hasSize(3);
        assertThat(posts).extracting(post -> post.header("Idempotency-Key")).containsOnly(String.valueOf(id));
        for (LoopbackReceiver.Received post : posts) {
            assertThat(ChannelTestSupport.validSignature(SIGNING_SECRET, post)).isTrue();
        }
    }

    @Test
    void afterTheLastAttemptTheRowFailsNamingTheStatus() throws Exception {
        receiver.answerAlways(new LoopbackReceiver.Answer(503, Map.of()));
        UUID channel = support.channel("webhook", "Down", Map.of("url", receiver.url("/down")),
                Map.of("signingSecret", SIGNING_SECRET));

        long id = support.notify(channel, "firing", ChannelTestSupport.firing(UUID.randomUUID(), "info"));

        Map<String, Object> state = support.delivered(id);
        assertThat(state).containsEntry("state", "failed").containsEntry("attempts", 3);
        assertThat((String) state.get("last_error")).contains("127.0.0.1 answered HTTP 503")
                .contains("gave up after 3 attempts");
        assertThat(receiver.received("/down")).hasSize(3);
    }

    @Test
    void aRefusalByTheAddressPolicyFailsAtOnceNamingTheHostAndNothingIsSent() throws Exception {
        // 127.0.0.2 is outside the tests' allow-list (127.0.0.1): the policy refuses before connecting
        UUID channel = support.channel("webhook", "Internal", Map.of("url", "http://127.0.0.2:" + receiver.port()
                + "/internal"), Map.of("signingSecret", SIGNING_SECRET));

        long id = support.notify(channel, "firing", ChannelTestSupport.firing(UUID.randomUUID(), "info"));

        Map<String, Object> state = support.delivered(id);
        assertThat(state).containsEntry("state", "failed").containsEntry("attempts", 1);
        assertThat((String) state.get("last_error")).startsWith("webhook: ").contains("127.0.0.2")
                .contains("JUNCTION_OUTBOUND_ALLOW");
        HttpResponse<String> test = admin.post("/api/v1/alert-channels/" + channel + "/test", "");
        JsonNode answer = ChannelTestSupport.read(test);
        assertThat(answer.get("delivered").asBoolean()).isFalse();
        assertThat(answer.get("state").asString()).isEqualTo("failed");
        assertThat(answer.get("detail").asString()).contains("127.0.0.2");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void aDisabledChannelFailsItsNotificationsWithTheReason() throws Exception {
        UUID channel = support.channel("webhook", "Paused", Map.of("url", receiver.url("/paused")),
                Map.of("signingSecret", SIGNING_SECRET));
        JsonNode current = ChannelTestSupport.read(admin.get("/api/v1/alert-channels/" + channel));
        HttpResponse<String> disabled = admin.send("PUT", "/api/v1/alert-channels/" + channel,
                "{\"name\": \"" + current.get("name").asString() + "\", \"enabled\": false, \"settings\": {\"url\": \""
                        + receiver.url("/paused") + "\"}}");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);

        long id = support.notify(channel, "firing", ChannelTestSupport.firing(UUID.randomUUID(), "info"));

        Map<String, Object> state = support.delivered(id);
        assertThat(state).containsEntry("state", "failed");
        assertThat((String) state.get("last_error")).isEqualTo("the channel '" + current.get("name").asString()
                + "' is disabled");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void sendTestDeliversOneSignedPostNowAndTheChannelShowsItsLastDelivery() throws Exception {
        UUID channel = support.channel("webhook", "Tested", Map.of("url", receiver.url("/test")),
                Map.of("signingSecret", SIGNING_SECRET));

        HttpResponse<String> test = admin.post("/api/v1/alert-channels/" + channel + "/test", "");

        assertThat(test.statusCode()).as(test.body()).isEqualTo(200);
        JsonNode answer = ChannelTestSupport.read(test);
        assertThat(answer.get("delivered").asBoolean()).isTrue();
        assertThat(answer.get("detail").asString()).isEqualTo("HTTP 200 from 127.0.0.1");
        List<LoopbackReceiver.Received> posts = receiver.received("/test");
        assertThat(posts).hasSize(1);
        assertThat(ChannelTestSupport.validSignature(SIGNING_SECRET, posts.getFirst())).isTrue();
        assertThat(posts.getFirst().header("Idempotency-Key")).isEqualTo(answer.get("notificationId").asString());
        assertThat(ChannelTestSupport.read(posts.getFirst().body()).get("reason").asString()).isEqualTo("test");
        JsonNode view = ChannelTestSupport.read(admin.get("/api/v1/alert-channels/" + channel));
        assertThat(view.get("lastDelivery").get("state").asString()).isEqualTo("sent");
        assertThat(view.get("lastDelivery").get("reason").asString()).isEqualTo("test");
        assertThat(view.get("secrets").get("signingSecret").get("set").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/alert-channels").body()).doesNotContain(SIGNING_SECRET);
    }
}
