package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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

    /** One POST as the receiver got it: headers (first value each) and the raw body. */
    record Received(Map<String, String> headers, String body) {
    }

    @Autowired
    DSLContext db;

    @Test
    void anAdminCreatesAWebhookChannelSendsATestAndTheReceiverGetsOneSignedPost() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        receiver.createContext("/hooks/junction", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
            received.add(new Received(headers, new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String name = "Ops hook " + UUID.randomUUID().toString().substring(0, 8);
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/junction";
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

            assertThat(received).hasSize(1);
            Received post = received.getFirst();
            assertThat(validSignature(post)).as("signature of " + post).isTrue();
            assertThat(post.headers().get("Idempotency-Key")).matches("\\d+");
            assertThat(post.body()).contains("\"reason\":\"test\"").contains(name);

            // a rule notifies the channel: deleting it is refused, naming the rule
            String rule = "Channel rule " + UUID.randomUUID().toString().substring(0, 8);
            db.execute("insert into alert_rules (name, condition_kind, channel_ids, created_by, updated_by) select ?,"
                    + " 'run_failed', array[id], 'admin', 'admin' from alert_channels where name = ?", rule, name);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete " + name)).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete").setExact(true)).click();
            assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                    .setHasText("Not deleted")).last()).containsText("'" + rule + "'");
            assertThat(row).isVisible();
            screenshot("4-delete-refused");
        } finally {
            receiver.stop(0);
        }
    }

    /** What a receiver does: HMAC-SHA256 of "timestamp.body" with the shared secret, compared in constant time. */
    private static boolean validSignature(Received post) throws Exception {
        String timestamp = post.headers().get("X-Junction-Timestamp");
        String signature = post.headers().get("X-Junction-Signature");
        if (timestamp == null || signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((timestamp + "." + post.body()).getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.substring("sha256=".length())));
    }
}
