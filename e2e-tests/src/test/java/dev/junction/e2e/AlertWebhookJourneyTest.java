package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OPS-6 end to end: a rule "any failure of workflow X" notifies a generic-webhook channel whose receiver this test
 * serves on 127.0.0.1; a failing run fires it; the receiver gets exactly one POST, with a valid signature, the run's
 * id and the notification's idempotency key; the Alerts view shows the alert FIRING and the channel's last delivery is
 * "sent".
 */
class AlertWebhookJourneyTest extends BrowserTest {

    private static final String SECRET = "journey-signing-secret-42";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern RUN_ID = Pattern.compile("\"runId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @Autowired
    DSLContext db;

    @Test
    void aFailingRunFiresARuleWhoseWebhookReceiverGetsExactlyOneSignedPost() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String channelName = "Journey hook " + suffix;
            String channelId = id(createdThroughApi("/api/v1/alert-channels", """
                    {"name": "%s", "kind": "webhook", "settings": {"url": "%s"},
                     "secrets": {"signingSecret": "%s"}}""".formatted(channelName, receiver.url(), SECRET)));
            String workflowId = workflowWithDefinition("Journey " + suffix, RunsViewTest.DEFINITION);
            postThroughApi("/api/v1/workflows/" + workflowId + "/versions/2/publish", "", 200);
            String ruleName = "Any failure of Journey " + suffix;
            createdThroughApi("/api/v1/alert-rules", """
                    {"name": "%s", "conditionKind": "run_failed", "workflowId": "%s", "severity": "critical",
                     "channelIds": ["%s"], "messageTemplate": "{{ruleName}}: {{summary}} {{link}}",
                     "parameters": {"quietMinutes": 0}}""".formatted(ruleName, workflowId, channelId));

            String run = id(postThroughApi("/api/v1/workflows/" + workflowId + "/runs",
                    "{\"input\": {\"n\": 1, \"fail\": true}}", 202));

            // the evaluator fires the rule, the dispatcher delivers its one notification
            waitUntil(() -> sentNotifications(channelId) == 1, "the notification sent");
            List<WebhookReceiver.Received> posts = receiver.received();
            assertThat(posts).hasSize(1);
            WebhookReceiver.Received post = posts.getFirst();
            assertThat(WebhookReceiver.validSignature(SECRET, post)).as("signature of " + post).isTrue();
            assertThat(WebhookReceiver.validSignature("not-the-secret-at-all", post)).isFalse();
            Matcher runId = RUN_ID.matcher(post.body());
            assertThat(runId.find()).as(post.body()).isTrue();
            assertThat(runId.group(1)).isEqualTo(run);
            assertThat(post.body()).contains("\"reason\":\"firing\"").contains("/runs/" + run)
                    .contains(ruleName + ": ");
            assertThat(post.headers().get("Idempotency-Key")).isEqualTo(String.valueOf(db.resultQuery(
                    "select id from alert_notifications where channel_id = ?::uuid", channelId).fetchOne(0,
                    Long.class)));

            signIn("admin", ADMIN_PASSWORD);
            page.navigate(url("/alerts"));
            Locator alert = page.locator("[data-testid=alert-row][data-rule=\"" + ruleName + "\"]");
            assertThat(alert).hasCount(1);
            assertThat(alert).hasAttribute("data-state", "FIRING");
            screenshot("1-alert-firing");

            page.navigate(url("/alerts/channels"));
            Locator channel = page.locator("[data-testid=channel-row][data-name='" + channelName + "']");
            assertThat(channel).hasAttribute("data-kind", "webhook");
            assertThat(channel).hasAttribute("data-last-status", "sent");
            screenshot("2-channel-delivered");
            assertThat(receiver.received()).as("still exactly one POST").hasSize(1);
        }
    }

    private int sentNotifications(String channelId) {
        return db.resultQuery("select count(*) from alert_notifications where channel_id = ?::uuid and state = 'sent'",
                channelId).fetchOne(0, Integer.class);
    }

    private static String id(String json) {
        Matcher id = ID.matcher(json);
        assertThat(id.find()).as(json).isTrue();
        return id.group(1);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what) {
        Polling.until(what, Duration.ofSeconds(60), Duration.ofMillis(200), condition);
    }
}
