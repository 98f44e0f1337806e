package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * OPS-9 in the browser: the Amazon SP-API sandbox answers every getOrders with 429 (its fault profile), a run calls
 * it, and the dashboard's health card of the sandbox connection says {@code Throttled}; the connections list shows
 * the same in its health column. The profile is cleared afterwards (the app is shared).
 */
class ConnectionHealthTest extends BrowserTest {

    private static final String CONNECTION = "amazon-sp-api-sandbox";
    private static final String PROFILE = "/sandbox/amazon/_sandbox/faults/profile";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aThrottledSandboxShowsThrottledOnTheDashboardAndTheConnections() {
        String workflowId = workflowWithDefinition("Throttled orders " + UUID.randomUUID().toString().substring(0, 8), """
                {"schemaVersion": 1,
                 "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [{"id": "orders", "type": "connector", "name": "Orders",
                            "config": {"connection": "%s", "operation": "getOrders",
                                       "input": {"CreatedAfter": "2026-01-01T00:00:00Z"}},
                            "position": {"x": 250, "y": 0}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "orders"}]}""".formatted(CONNECTION));
        postThroughApi("/api/v1/workflows/" + workflowId + "/versions/2/publish", "", 200);
        send("PUT", PROFILE, "{\"rate429\": 1.0, \"operations\": [\"getOrders\"], \"retryAfterSeconds\": 1}");
        try {
            postThroughApi("/api/v1/workflows/" + workflowId + "/runs", "{\"input\": {}}", 202);
            awaitThrottled();
            signIn("admin", ADMIN_PASSWORD);

            page.navigate(url("/dashboard?workflow=" + workflowId));
            page.locator("[data-testid=dashboard-ready]").waitFor(new Locator.WaitForOptions()
                    .setState(WaitForSelectorState.ATTACHED));
            Locator card = page.locator("[data-testid=connector-health][data-connection=" + CONNECTION + "]");
            assertThat(card).hasAttribute("data-state", "throttled");
            assertThat(card.locator("[data-testid=connector-health-state]")).hasText("Throttled");
            assertThat(card).containsText("Last success");
            assertThat(card).containsText("rate-limit");
            assertThat(card.getByText("Test connection")).hasAttribute("href", "connections?test=" + CONNECTION);
            card.scrollIntoViewIfNeeded();
            screenshot("1-dashboard-throttled");

            card.getByText("Test connection").click();
            assertThat(page.locator("#connection-test-result")).isVisible();
            Locator row = page.locator("#connections vaadin-grid-cell-content:visible")
                    .filter(new Locator.FilterOptions().setHasText(CONNECTION));
            assertThat(row).hasCount(1);
            assertThat(page.locator("#connections [data-testid=connection-health][data-state=throttled]").first())
                    .hasText("Throttled");
            screenshot("2-connections-health");
        } finally {
            send("DELETE", PROFILE, null);
        }
    }

    /** Waits until the health API (what the page reads; tallies are flushed every 5 s) says the sandbox is throttled. */
    private void awaitThrottled() {
        Polling.until("the sandbox connection throttled", Duration.ofSeconds(120), Duration.ofMillis(500),
                () -> AdminReads.get(port, "/api/v1/connections/health"), ConnectionHealthTest::throttled);
    }

    private static boolean throttled(String healthJson) {
        for (JsonNode health : JSON.readTree(healthJson)) {
            if (CONNECTION.equals(health.path("connectionId").asString())
                    && "throttled".equals(health.path("state").asString())) {
                return true;
            }
        }
        return false;
    }

    /** A sandbox control call as admin (ADMIN may change the sandbox). */
    private void send(String method, String path, String json) {
        String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
