package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * OPS-7 in the browser: five identical failures of a workflow make one alert with count 5; Acknowledge shows
 * ACKNOWLEDGED and the acting user; Snooze 1 h shows who snoozed it and until when. (The channel receiver part of
 * OPS-6/OPS-7 needs the channels' dispatcher, which is not on this branch.)
 */
class AlertLifecycleTest extends BrowserTest {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @Test
    void fiveIdenticalFailuresAreOneAlertThatIsAcknowledgedAndSnoozed() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String workflowId = workflowWithDefinition("Alerting " + suffix, RunsViewTest.DEFINITION);
        postThroughApi("/api/v1/workflows/" + workflowId + "/versions/2/publish", "", 200);
        String ruleName = "Any failure of Alerting " + suffix;
        postThroughApi("/api/v1/alert-rules", """
                {"name": "%s", "conditionKind": "run_failed", "workflowId": "%s", "severity": "critical",
                 "parameters": {"quietMinutes": 0}}""".formatted(ruleName, workflowId), 201);

        List<String> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            runs.add(id(postThroughApi("/api/v1/workflows/" + workflowId + "/runs",
                    "{\"input\": {\"n\": " + i + ", \"fail\": true}}", 202)));
        }
        for (String run : runs) {
            waitFor("/api/v1/runs/" + run, "\"status\"\\s*:\\s*\"dead_lettered\"");
        }
        // the evaluator (every few seconds on the app's node) has seen all five
        waitFor("/api/v1/alerts?workflow=" + workflowId, "\"occurrences\"\\s*:\\s*5\\b");

        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/alerts"));
        Locator row = page.locator("[data-testid=alert-row][data-rule=\"" + ruleName + "\"]");
        assertThat(row).hasCount(1);
        assertThat(row).hasAttribute("data-state", "FIRING");
        assertThat(row).hasAttribute("data-count", "5");
        assertThat(row).containsText("failed at step \"guard\"");
        screenshot("1-firing");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge " + ruleName)).click();
        assertThat(row).hasAttribute("data-state", "ACKNOWLEDGED");
        assertThat(row.locator("[data-testid=alert-actor]")).containsText("acknowledged by admin");
        assertThat(row).hasAttribute("data-count", "5");
        screenshot("2-acknowledged");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Snooze " + ruleName)).click();
        page.locator("#snooze-1h").click();
        assertThat(row.locator("[data-testid=alert-actor]")).containsText("snoozed by admin until");
        assertThat(row).hasAttribute("data-state", "ACKNOWLEDGED");
        screenshot("3-snoozed");

        page.getByText("Rules", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("[data-testid=alert-rule-row][data-rule=\"" + ruleName + "\"]")).hasCount(1);
        page.locator("#new-alert-rule").click();
        page.locator("#rule-name input").fill("Rate of Alerting " + suffix);
        page.locator("#rule-kind").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Failure rate over a threshold")).click();
        page.locator("#param-thresholdPercent input").fill("150");
        page.locator("#rule-save").click();
        assertThat(page.locator("#param-thresholdPercent")).hasAttribute("invalid", "");
        assertThat(page.locator("#param-thresholdPercent")).containsText("at most 100");
        screenshot("4-rule-editor-error");
        page.locator("#param-thresholdPercent input").fill("25");
        page.locator("#rule-save").click();
        assertThat(page.locator("[data-testid=alert-rule-row][data-rule=\"Rate of Alerting " + suffix + "\"]"))
                .hasCount(1);
        screenshot("5-rules");
    }

    private static String id(String json) {
        Matcher id = ID.matcher(json);
        org.assertj.core.api.Assertions.assertThat(id.find()).as(json).isTrue();
        return id.group(1);
    }

    /** Reads {@code path} as admin until its body matches {@code pattern} (30 s at most). */
    private void waitFor(String path, String pattern) {
        Pattern wanted = Pattern.compile(pattern);
        Polling.until(path + " matching " + pattern, Duration.ofSeconds(30), Duration.ofMillis(200), () -> get(path),
                body -> wanted.matcher(body).find());
    }

    private String get(String path) {
        String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Authorization", "Basic " + basic).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
