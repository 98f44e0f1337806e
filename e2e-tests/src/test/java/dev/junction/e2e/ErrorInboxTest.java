package dev.junction.e2e;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * OPS-4 in the browser: failures of one workflow grouped in the error inbox with their counts; "Retry all" of a group
 * says how many runs first and leaves them pending under Retries; a group assigned to the user {@code ops} is under
 * "Assigned to me" when {@code ops} signs in, and {@code ops} was e-mailed (the test's SMTP server received it) a
 * link that opens the group.
 */
class ErrorInboxTest extends BrowserTest {

    /**
     * Manual trigger (business key trigger.orderId) → a script that fails in one of two ways: 'throttled' says the
     * remote refused for a while (a different wait each time), 'sku' that the order has no sku.
     */
    private static final String DEFINITION = """
            {"schemaVersion": 1,
             "trigger": {"kind": "manual", "config": {"businessKey": "trigger.orderId"}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "send", "type": "script", "name": "Send order", "position": {"x": 0, "y": 120},
                "config": {"code": "if (trigger.kind === 'throttled') { throw new Error('the shop answered 429 for order ' + trigger.orderId + ': retry after ' + trigger.wait + ' s'); } throw new Error('order ' + trigger.orderId + ' has no sku');"}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "send"}]}""";
    private static final String OPS_PASSWORD = "triage-e2e-secret-1";

    @Test
    void failuresAreGroupedRetriedAndAssignedToOps() {
        String workflowName = "Inbox " + UUID.randomUUID().toString().substring(0, 8);
        String workflowId = workflowWithDefinition(workflowName, DEFINITION);
        postThroughApi("/api/v1/workflows/" + workflowId + "/versions/2/publish", "", 200);
        for (int i = 0; i < 30; i++) {
            start(workflowId, "{\"orderId\": \"T-" + i + "\", \"kind\": \"throttled\", \"wait\": " + (i + 1) + "}");
        }
        for (int i = 0; i < 20; i++) {
            start(workflowId, "{\"orderId\": \"S-" + i + "\", \"kind\": \"sku\"}");
        }
        ensureOperatorOps();

        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/errors?workflow=" + workflowId));
        Locator groups = page.locator("[data-testid=error-group]:visible");
        refreshUntilShown(page.locator("[data-testid=error-group][data-count='30']:visible"));
        refreshUntilShown(page.locator("[data-testid=error-group][data-count='20']:visible"));
        assertThat(groups).hasCount(2);
        assertThat(groups.first()).hasAttribute("data-state", "open");
        screenshot("1-groups");

        page.locator("[data-testid=error-group][data-count='30']:visible").click();
        assertThat(page.locator("#error-group-sample")).containsText("retry after");
        assertThat(page.locator("#error-group-runs-link")).hasAttribute("href",
                Pattern.compile("runs\\?status=failed,dead_lettered&workflow=" + workflowId + "&errorClass=.+"));
        screenshot("2-group-detail");
        page.locator("#error-group-retry-all").click();
        assertThat(page.locator("#retry-group-count")).hasText("30 runs will be replayed.");
        page.locator("#retry-group-rate input").fill("1");
        screenshot("3-retry-all");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retry all").setExact(true)).click();
        page.locator("#close-error-group").click();

        page.locator("#tab-retries").click();
        Locator pending = page.locator("[data-testid=error-group]:visible");
        assertThat(pending).hasCount(1);
        assertThat(pending).hasAttribute("data-count", Pattern.compile("^[1-9][0-9]*$"));
        screenshot("4-retries-pending");

        page.locator("#tab-open").click();
        page.locator("[data-testid=error-group][data-count='20']:visible").click();
        page.locator("#error-group-assignee input").fill("ops");
        page.locator("#error-group-assign").click();
        assertThat(page.locator("#error-group-detail")).hasAttribute("data-assignee", "ops");
        // ops has an e-mail address and the installation an SMTP server: the page says ops was e-mailed
        assertThat(page.locator("#error-group-assignee-email")).hasAttribute("data-outcome", "sent");
        assertThat(page.locator("#error-group-assignee-email")).containsText("ops@shop.test");
        screenshot("5-assigned");
        page.locator("#close-error-group").click();

        // the e-mail arrived at the SMTP server, with a deep link to the group
        String link = assignmentLink(workflowName);

        context.clearCookies();
        signIn("ops", OPS_PASSWORD);
        page.navigate(url("/errors?workflow=" + workflowId));
        page.locator("#tab-mine").click();
        Locator mine = page.locator("[data-testid=error-group]:visible");
        assertThat(mine).hasCount(1);
        assertThat(mine).hasAttribute("data-count", "20");
        screenshot("6-assigned-to-me");

        page.navigate(link);
        assertThat(page.locator("#error-group-detail")).hasAttribute("data-assignee", "ops");
        assertThat(page.locator("#error-group-sample")).containsText("has no sku");
        assertThat(page.locator("vaadin-dialog-overlay[opening], vaadin-dialog[opening]")).hasCount(0); // faded in
        screenshot("7-opened-from-the-email");
    }

    /** The deep link of the assignment e-mail to ops about {@code workflowName} (waits for it to arrive). */
    private String assignmentLink(String workflowName) {
        Pattern link = Pattern.compile("Open the group: (http\\S+/errors\\?group=[0-9a-f-]{36})");
        for (int i = 0; i < 100; i++) {
            for (MimeMessage mail : SMTP.getReceivedMessages()) {
                try {
                    if (mail.getSubject().contains(workflowName)
                            && mail.getAllRecipients()[0].toString().equals("ops@shop.test")) {
                        Matcher found = link.matcher(GreenMailUtil.getBody(mail));
                        org.assertj.core.api.Assertions.assertThat(found.find()).as("the link in the e-mail").isTrue();
                        return found.group(1);
                    }
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            SMTP.waitForIncomingEmail(100, SMTP.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no e-mail to ops@shop.test about " + workflowName + " arrived");
    }

    /** The inbox shows what was there when it loaded: refresh until {@code row} is there (the runs end meanwhile). */
    private void refreshUntilShown(Locator row) {
        for (int i = 0; i < 60 && row.count() == 0; i++) {
            page.waitForTimeout(1_000);
            page.locator("#refresh-errors").click();
            waitUntilIdle();
        }
        assertThat(row).hasCount(1);
    }

    private void start(String workflowId, String input) {
        postThroughApi("/api/v1/workflows/" + workflowId + "/runs", "{\"input\": " + input + "}", 202);
    }

    /** The user ops (an operator) with a known password, made through the users API (or reset when it exists). */
    private void ensureOperatorOps() {
        int created = send("POST", "/api/v1/users", "{\"username\": \"ops\", \"displayName\": \"Ops\","
                + " \"roles\": [\"OPERATOR\"], \"password\": \"" + OPS_PASSWORD + "\","
                + " \"email\": \"ops@shop.test\"}");
        if (created == 409) {
            org.assertj.core.api.Assertions.assertThat(send("PUT", "/api/v1/users/ops",
                    "{\"roles\": [\"OPERATOR\"], \"email\": \"ops@shop.test\"}")).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(send("PUT", "/api/v1/users/ops/password",
                    "{\"password\": \"" + OPS_PASSWORD + "\"}")).isEqualTo(204);
        } else {
            org.assertj.core.api.Assertions.assertThat(created).isEqualTo(201);
        }
    }

    private int send(String method, String path, String json) {
        String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String id(String body) {
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(body);
        org.assertj.core.api.Assertions.assertThat(id.find()).isTrue();
        return id.group(1);
    }
}
