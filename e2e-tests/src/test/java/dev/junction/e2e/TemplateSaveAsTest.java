package dev.junction.e2e;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import dev.junction.connectors.rest.sandbox.ShopSimulator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TPL-5 in the browser: a workflow whose step calls the shop's sandbox connection (its header holding the value of
 * that connection's secret) is saved as a template from its page with one setting made a parameter; the downloaded
 * JSON holds no value of the connection's secret, names no connection, has a requirement of the connector, and the
 * template is in the gallery.
 */
class TemplateSaveAsTest extends TemplateBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aWorkflowIsSavedAsATemplateWithoutSecretsAndWithItsConnectionsAsRequirements() throws IOException {
        String name = "Save me " + UUID.randomUUID().toString().substring(0, 8);
        String workflowId = JSON.readTree(createdThroughApi("/api/v1/workflows", "{\"name\": \"" + name + "\"}"))
                .get("id").asString();
        createdThroughApi("/api/v1/workflows/" + workflowId + "/versions", """
                {"baseVersion": 1, "definition": {"schemaVersion": 1,
                  "trigger": {"kind": "webhook", "config": {}, "position": {"x": 0, "y": 0}},
                  "nodes": [{"id": "call", "type": "connector", "name": "Call the shop", "config": {
                    "connection": "http-sandbox", "operation": "request", "input": {"method": "GET",
                    "path": "/orders", "headers": {"X-Debug": "%s"}, "query": {"limit": 5}}},
                    "position": {"x": 250, "y": 0}}],
                  "edges": [{"from": "trigger", "fromPort": "out", "to": "call"}]}}""".formatted(ShopSimulator.API_KEY));
        String templateId = "saved-" + UUID.randomUUID().toString().substring(0, 8);

        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/workflows/" + workflowId));
        page.locator("[data-testid=save-as-template]").click();
        assertThat(page.locator("[data-testid=save-as-template-dialog]")).hasAttribute("opened", "");
        page.locator("#save-as-template-id input").fill(templateId);
        page.getByRole(AriaRole.CHECKBOX, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Call the shop: query limit (now 5)")).check();
        page.locator("[data-testid=save-as-template-save]").click();
        Locator download = page.locator("[data-testid=save-as-template-download]");
        assertThat(download).isVisible();
        assertThat(page.locator("[data-testid=save-as-template-saved]")).containsText("version 1");
        screenshot("saved");
        Download file = page.waitForDownload(download::click);
        String json = Files.readString(file.path(), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain(ShopSimulator.API_KEY).doesNotContain("http-sandbox");
        JsonNode template = JSON.readTree(json);
        assertThat(template.get("id").asString()).isEqualTo(templateId);
        assertThat(template.get("requirements")).hasSize(1);
        assertThat(template.get("requirements").get(0).get("connector").asString()).isEqualTo("http");
        assertThat(template.get("parameters").get(0).get("defaultValue").asInt()).isEqualTo(5);
        assertThat(template.get("parameters").get(0).get("label").asString()).isEqualTo("Call the shop: query limit");
        assertThat(template.get("description").asString()).isEqualTo("Webhook → Call the shop");

        page.locator("[data-testid=save-as-template-gallery]").click();
        assertThat(page.locator("[data-testid=template-card][data-id=" + templateId + "]")).isVisible();
        assertThat(page.locator("[data-testid=save-as-template-dialog]")).hasCount(0);
        screenshot("in-gallery");
    }
}
