package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alert channels in the browser: an admin creates a signed-webhook channel pointing at a receiver this test serves on
 * 127.0.0.1 (after a field error on a too short signing secret), sends a test — the receiver gets exactly one POST
 * with a valid signature and the row shows it delivered — and cannot delete the channel while a rule notifies it.
 */
class AlertChannelsTest extends BrowserTest {

    private static final String SECRET = "e2e-signing-secret-0123";

    @Autowired
    DSLContext db;

    @Test
    void anAdminCreatesAWebhookChannelSendsATestAndTheReceiverGetsOneSignedPost() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            List<WebhookReceiver.Received> received;
            String name = "Ops hook " + UUID.randomUUID().toString().substring(0, 8);
            String url = receiver.url();
            signIn("admin", ADMIN_PASSWORD);

            page.locator("#navigation").getByText("Alert channels").click();
            assertThat(page).hasURL(Pattern.compile(".*/alerts/channels$"));
            assertThat(page.locator("#channels")).isVisible();

            page.locator("#new-channel").click();
            page.locator("#channel-kind").click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Webhook (signed JSON)")).click();
            page.locator("#channel-name input").fill(name);
            page.locator("#channel-setting-url input").fill(url);
            page.locator("#channel-setting-signingSecret input").fill("too-short");
            page.locator("#channel-save").click();
            assertThat(page.locator("#channel-setting-signingSecret")).containsText("at least 16 characters");
            screenshot("1-short-secret");

            page.locator("#channel-setting-signingSecret input").fill(SECRET);
            page.locator("#channel-save").click();
            assertThat(page.locator("#channel-dialog")).isHidden();
            Locator row = page.locator("[data-testid=channel-row][data-name='" + name + "']");
            assertThat(row).hasAttribute("data-kind", "webhook");
            assertThat(row).hasAttribute("data-last-status", "none");
            screenshot("2-created");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test " + name)).click();
            assertThat(page.locator("#channel-test-result")).containsText("Test notification delivered to '" + name
                    + "': HTTP 204 from 127.0.0.1");
            assertThat(row).hasAttribute("data-last-status", "sent");
            screenshot("3-test-delivered");

            received = receiver.received();
            assertThat(received).hasSize(1);
            WebhookReceiver.Received post = received.getFirst();
            assertThat(WebhookReceiver.validSignature(SECRET, post)).as("signature of " + post).isTrue();
            assertThat(post.headers().get("Idempotency-Key")).matches("\\d+");
            assertThat(post.body()).contains("\"reason\":\"test\"").contains(name);

            // a rule notifies the channel: deleting it is refused, naming the rule
            String rule = "Channel rule " + UUID.randomUUID().toString().substring(0, 8);
            db.execute("insert into alert_rules (name, enabled, condition_kind, channel_ids, created_by, updated_by)"
                    + " select ?, false, 'run_failed', array[id], 'admin', 'admin' from alert_channels where name = ?",
                    rule, name);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete " + name)).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete").setExact(true)).click();
            assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                    .setHasText("Not deleted")).last()).containsText("'" + rule + "'");
            assertThat(row).isVisible();
            screenshot("4-delete-refused");
        }
    }
}
