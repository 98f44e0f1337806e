package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Runs in the browser: start one from the editor, watch it succeed step by step, start one that fails into the
 * dead-letter queue, find it there and replay it, one at a time and in bulk; a viewer sees runs but cannot operate
 * them; a webhook-triggered workflow shows its URL, which works until its token is rotated.
 */
class RunsViewTest extends BrowserTest {

    /** Manual trigger → doubles trigger.n → fails with 'boom' when trigger.fail is true. */
    static final String DEFINITION = """
            {"schemaVersion": 1,
             "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "double", "type": "script", "name": "Double n",
                "config": {"code": "return {doubled: trigger.n * 2};"}, "position": {"x": 0, "y": 120}},
               {"id": "guard", "type": "script", "name": "Fail on request",
                "config": {"code": "if (trigger.fail === true) { throw new Error('boom'); } return {checked: true};"},
                "position": {"x": 0, "y": 240}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "double"},
                       {"from": "double", "fromPort": "out", "to": "guard"}]}""";

    /** A run takes a moment to be claimed and run by the workers; the detail view polls once a second. */
    private static final LocatorAssertions.HasAttributeOptions SETTLED_STATUS =
            new LocatorAssertions.HasAttributeOptions().setTimeout(20_000);

    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void anAdminStartsRunsFromTheEditorAndReplaysADeadLetteredOne() {
        String name = "Doubling " + UUID.randomUUID().toString().substring(0, 8);
        String workflowId = publishedWorkflow(name);
        signIn("admin", ADMIN_PASSWORD);

        page.navigate(url("/workflows/" + workflowId));
        assertThat(page.locator("#workflow-version")).hasText("Version 2 · published: version 2");
        assertThat(page.locator("#webhook")).isHidden();
        screenshot("1-editor");

        startRun("{\"n\": 21}");
        assertThat(page).hasURL(Pattern.compile(".*/runs/[0-9a-f-]{36}$"));
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "succeeded", SETTLED_STATUS);
        assertThat(page.locator("#run-status")).hasText("Succeeded");
        assertThat(stepCell("double")).isVisible();
        assertThat(stepCell("guard")).isVisible();
        assertThat(page.locator("#run-error")).isHidden();
        stepCell("double").click();
        assertThat(page.locator("#step-output")).containsText(Pattern.compile("\"doubled\"\\s*:\\s*42\\b"));
        assertThat(page.locator("#step-input")).isVisible();
        screenshot("2-run-succeeded");

        page.navigate(url("/workflows/" + workflowId));
        page.locator("#run-workflow").click();
        page.locator("#run-input textarea").fill("{\"n\": 1, \"fail\": tru}");
        page.locator("#start-run").click();
        assertThat(page.locator("#run-input")).hasAttribute("invalid", "");
        assertThat(page.locator("#run-input")).containsText("Not valid JSON");
        screenshot("3-invalid-input");
        page.locator("#run-input textarea").fill("{\"n\": 1, \"fail\": true}");
        page.locator("#start-run-business-key input").fill("order-1001");
        page.locator("#start-run").click();

        assertThat(page.locator("#run-status")).hasAttribute("data-status", "dead_lettered", SETTLED_STATUS);
        assertThat(page.locator("#run-status")).hasText("Dead-lettered");
        assertThat(page.locator("#run-error")).containsText("boom");
        assertThat(page.locator("#run-error")).containsText("guard");
        assertThat(page.locator("#run-business-key")).hasText("order-1001");
        assertThat(page.locator("#run-replays")).hasText("0");
        assertThat(page.locator("#cancel-run")).isHidden();
        screenshot("4-dead-lettered");

        page.locator("#navigation").getByText("Runs").click();
        assertThat(page).hasURL(Pattern.compile(".*/runs$"));
        page.locator("#dead-letter-queue").click();
        assertThat(page).hasURL(Pattern.compile(".*/runs\\?status=dead_lettered$"));
        Locator deadLetter = page.locator("#runs vaadin-grid-cell-content:visible").filter(
                new Locator.FilterOptions().setHasText(name));
        assertThat(deadLetter).hasCount(1);
        assertThat(page.locator("#replay-all")).isVisible();
        screenshot("5-dead-letter-queue");

        deadLetter.click();
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "dead_lettered");
        assertThat(page.locator("#run-status")).hasText("Dead-lettered");
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Replay")).click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("From the start")).click();
        assertThat(page.locator("#run-replays")).hasText("1");
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "dead_lettered", SETTLED_STATUS);
        assertThat(page.locator("#run-status")).hasText("Dead-lettered");
        assertThat(page.locator("#run-error")).containsText("boom");
        screenshot("6-replayed");

        page.navigate(url("/runs?workflow=" + workflowId + "&status=dead_lettered"));
        assertThat(page.locator("#runs-workflow input")).hasValue(name);
        assertThat(page.locator("#runs vaadin-grid-cell-content:visible").filter(
                new Locator.FilterOptions().setHasText("order-1001"))).hasCount(1);
        page.locator("#replay-all").click();
        assertThat(page.getByText("Replay the dead-lettered runs shown?")).isVisible();
        screenshot("7-bulk-replay");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Replay").setExact(true)).click();
        assertThat(page.getByText("1 of 1 dead-lettered runs replayed from the failed step.")).isVisible();
    }

    @Test
    void aViewerSeesRunsButNoButtonsToStartCancelOrReplayThem() {
        String workflowId = publishedWorkflow("Viewed " + UUID.randomUUID().toString().substring(0, 8));
        String runId = startedThroughApi(workflowId, "{\"n\": 1, \"fail\": true}");
        users.insert("vera", "Vera Viewer", passwords.encode("vera-e2e-password"), Set.of(Role.VIEWER));
        signIn("vera", "vera-e2e-password");

        page.navigate(url("/runs/" + runId));
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "dead_lettered", SETTLED_STATUS);
        assertThat(page.locator("#run-status")).hasText("Dead-lettered");
        assertThat(page.locator("#run-error")).containsText("boom");
        assertThat(page.locator("#replay-run")).isHidden();
        assertThat(page.locator("#cancel-run")).isHidden();

        page.navigate(url("/runs?status=dead_lettered"));
        assertThat(page.locator("#runs")).isVisible();
        assertThat(page.locator("#replay-all")).isHidden();

        page.navigate(url("/workflows/" + workflowId));
        assertThat(page.locator("#workflow-runs")).isVisible();
        assertThat(page.locator("#run-workflow")).isHidden();
    }

    @Test
    void anAdminCancelsARunThatWaits() {
        String workflowId = publishedWorkflow("Waits " + UUID.randomUUID().toString().substring(0, 8), """
                {"schemaVersion": 1,
                 "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [{"id": "later", "type": "delay", "name": "An hour later", "config": {"duration": "PT1H"},
                            "position": {"x": 0, "y": 120}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "later"}]}""");
        String runId = startedThroughApi(workflowId, "{}");
        signIn("admin", ADMIN_PASSWORD);

        page.navigate(url("/runs/" + runId));
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "waiting", SETTLED_STATUS);
        assertThat(page.locator("#run-status")).hasText("Waiting");
        assertThat(page.locator("#replay-run")).isHidden();
        page.locator("#cancel-run").click();
        assertThat(page.getByText("Cancel this run?")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel run").setExact(true)).click();
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "cancelled");
        assertThat(page.locator("#run-status")).hasText("Cancelled");
        assertThat(page.locator("#cancel-run")).isHidden();
        screenshot("cancelled");
    }

    @Test
    void aWebhookWorkflowShowsItsUrlWhichStartsRunsUntilItsTokenIsRotated() {
        String workflowId = publishedWorkflow("Webhook " + UUID.randomUUID().toString().substring(0, 8),
                DEFINITION.replace("\"kind\": \"manual\"", "\"kind\": \"webhook\""));
        signIn("admin", ADMIN_PASSWORD);

        page.navigate(url("/workflows/" + workflowId));
        Locator webhookUrl = page.locator("#webhook-url input");
        // Playwright hands the pattern to JavaScript, which knows no \Q…\E quoting; the prefix has no dot
        assertThat(webhookUrl).hasValue(Pattern.compile(
                "^" + url("/hooks/" + workflowId + "/") + "[A-Za-z0-9_-]{43}$"));
        String first = webhookUrl.inputValue();
        org.assertj.core.api.Assertions.assertThat(postWithoutSignIn(first, "{\"n\": 2}")).isEqualTo(202);
        screenshot("webhook-url");

        page.locator("#rotate-webhook-token").click();
        assertThat(page.getByText("Rotate the webhook token?")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rotate").setExact(true)).click();
        assertThat(page.getByText("Webhook token rotated; the old URL no longer works")).isVisible();
        assertThat(webhookUrl).not().hasValue(first);
        org.assertj.core.api.Assertions.assertThat(postWithoutSignIn(first, "{\"n\": 2}")).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(postWithoutSignIn(webhookUrl.inputValue(), "{\"n\": 3}"))
                .isEqualTo(202);
    }

    /** A workflow with {@link #DEFINITION} saved as version 2 and published, through the REST API. */
    private String publishedWorkflow(String name) {
        return publishedWorkflow(name, DEFINITION);
    }

    private String publishedWorkflow(String name, String definition) {
        String id = workflowWithDefinition(name, definition);
        postThroughApi("/api/v1/workflows/" + id + "/versions/2/publish", "", 200);
        return id;
    }

    /** Starts a run by hand through the REST API and answers its id. */
    private String startedThroughApi(String workflowId, String input) {
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(postThroughApi(
                "/api/v1/workflows/" + workflowId + "/runs", "{\"input\": " + input + "}", 202));
        org.assertj.core.api.Assertions.assertThat(id.find()).isTrue();
        return id.group(1);
    }

    /** POSTs a JSON body the way a webhook sender does (no sign-in) and answers the HTTP status. */
    private static int postWithoutSignIn(String address, String json) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void startRun(String input) {
        page.locator("#run-workflow").click();
        page.locator("#run-input textarea").fill(input);
        screenshot("start-dialog");
        page.locator("#start-run").click();
    }

    private Locator stepCell(String nodeId) {
        return page.locator("#run-steps vaadin-grid-cell-content:visible").filter(
                new Locator.FilterOptions().setHasText(Pattern.compile("^" + nodeId + "$")));
    }
}
