package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import dev.junction.connectors.rest.sandbox.ShopSimulator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * TPL-3 in the browser: a workflow freshly installed from a template, on a connection never tested, shows its go-live
 * checklist with open items and Publish disabled; the checklist's own actions complete them ("Test connections",
 * "Attach alert rule", "Make me the owner"), each item flips to done, and Publish becomes enabled and publishes.
 */
class TemplateChecklistTest extends TemplateBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void openItemsGatePublishUntilTheChecklistIsComplete() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String connection = shopConnection("shop-" + suffix, "sandbox");
        String templateId = "e2e-checklist-" + suffix;
        createdThroughApi("/api/v1/templates", """
                {"id": "%s", "version": 1, "name": "Checklist test %s", "description": "Reads the shop's orders.",
                 "connectors": ["http"],
                 "requirements": [{"key": "shop", "connector": "http", "label": "The shop", "why": "reads orders"}],
                 "parameters": [],
                 "definition": %s,
                 "sampleInput": {}}""".formatted(templateId, suffix, readsOrders("${requirement.shop}")));
        String workflowId = JSON.readTree(createdThroughApi("/api/v1/templates/" + templateId + "/install",
                "{\"connections\": {\"shop\": \"" + connection + "\"}}")).get("workflowId").asString();

        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/workflows/" + workflowId));
        Locator items = page.locator("[data-testid=checklist-item]");
        assertThat(items.first()).isVisible();
        Locator publish = page.locator("[data-testid=checklist-publish]");
        assertOpen();
        assertThat(publish).isDisabled();
        screenshot("open");

        completeWithTheChecklistsActions(items);
        assertThat(publish).isEnabled();
        screenshot("complete");
        publish.click();
        assertThat(page.locator("#workflow-version")).containsText("published: version 1");
    }

    /**
     * TPL-3 on every workflow: a hand-made workflow (no template) on a production connection — the shop simulator on
     * loopback — is gated like a template install: the designer's Publish is disabled with the open items as its
     * reason, the checklist's actions complete them, each item flips to done, and both Publish buttons are enabled;
     * the designer's publishes. The same workflow on a sandbox connection shows its checklist but is not gated.
     */
    @Test
    void aHandMadeWorkflowOnAProductionConnectionIsGatedUntilItsChecklistIsComplete() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String production = shopConnection("shop-live-" + suffix, "production");
        String sandbox = shopConnection("shop-try-" + suffix, "sandbox");
        String gated = workflowWithDefinition("Shop live " + suffix, readsOrders(production));
        String free = workflowWithDefinition("Shop try " + suffix, readsOrders(sandbox));

        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/workflows/" + free));
        assertThat(page.locator("[data-testid=checklist-gate]")).hasText("Sandbox only: not gating publish");
        assertThat(page.locator("[data-testid=checklist-gate]")).hasAttribute("data-gated", "false");
        assertThat(item("connections-tested")).hasAttribute("data-done", "false");
        assertThat(page.locator("[data-testid=checklist-publish]")).isEnabled();
        assertThat(page.locator("[data-testid=publish]")).isEnabled();
        screenshot("sandbox-not-gated");

        page.navigate(url("/workflows/" + gated));
        Locator items = page.locator("[data-testid=checklist-item]");
        assertThat(items.first()).isVisible();
        assertThat(page.locator("[data-testid=checklist-gate]")).hasAttribute("data-gated", "true");
        assertThat(page.locator("[data-testid=checklist-gate]")).containsText("production connection " + production);
        assertOpen();
        Locator designerPublish = page.locator("[data-testid=publish]");
        Locator checklistPublish = page.locator("[data-testid=checklist-publish]");
        assertThat(designerPublish).isDisabled();
        assertThat(designerPublish).hasAttribute("data-gate", "1");
        assertThat(designerPublish).hasAttribute("title", java.util.regex.Pattern.compile(
                "Go-live checklist: Connections tested: Test " + production));
        assertThat(checklistPublish).isDisabled();
        screenshot("production-gated");

        completeWithTheChecklistsActions(items);
        assertThat(checklistPublish).isEnabled();
        assertThat(designerPublish).hasAttribute("data-gate", "0");
        assertThat(designerPublish).isEnabled();
        screenshot("production-complete");
        designerPublish.click();
        page.locator("[data-testid=publish-confirm]").click();
        assertThat(page.locator("#workflow-version")).containsText("published: version 2");
        screenshot("production-published");
    }

    /** The items the checklist's actions complete. */
    private static final String[] COMPLETED_BY_ACTIONS = {"connections-tested", "alert-rule", "owner"};

    private void assertOpen() {
        for (String key : COMPLETED_BY_ACTIONS) {
            assertThat(item(key)).hasAttribute("data-done", "false");
        }
    }

    /** Clicks each open item's action; each flips to done, and then every item of the checklist is done. */
    private void completeWithTheChecklistsActions(Locator items) {
        for (String key : COMPLETED_BY_ACTIONS) {
            page.locator("[data-testid=checklist-action][data-key=" + key + "]").click();
            assertThat(item(key)).hasAttribute("data-done", "true");
        }
        for (int i = 0; i < items.count(); i++) {
            assertThat(items.nth(i)).hasAttribute("data-done", "true");
        }
    }

    /** An HTTP connection to the sandbox shop on loopback, in {@code environment}; answers its id. */
    private String shopConnection(String id, String environment) {
        createdThroughApi("/api/v1/connections", """
                {"id": "%s", "name": "%s", "connectorId": "http", "environment": "%s",
                 "settings": {"baseUrl": "%s", "authKind": "apiKey", "apiKeyHeader": "X-API-Key",
                              "testPath": "/orders?limit=1"},
                 "secrets": {"apiKey": "%s"}}""".formatted(id, id, environment, url("/sandbox/shop"),
                ShopSimulator.API_KEY));
        return id;
    }

    /** A definition that reads the shop's orders through {@code connection} on a schedule (far in the future). */
    private static String readsOrders(String connection) {
        return """
                {"schemaVersion": 1,
                 "trigger": {"kind": "schedule", "config": {"cron": "0 0 3 1 1 ? 2099"}, "position": {"x": 0, "y": 0}},
                 "nodes": [{"id": "orders", "type": "connector", "name": "Read orders", "position": {"x": 0, "y": 120},
                            "config": {"connection": "%s", "operation": "request",
                                       "input": {"method": "GET", "path": "/orders"}}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "orders"}]}""".formatted(connection);
    }

    private Locator item(String key) {
        return page.locator("[data-testid=checklist-item][data-key=" + key + "]");
    }
}
