package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * What the versions tests share: a small definition, opening the designer page, the save flow through the
 * toolbar, renaming a node in the inspector, and reading versions back through the REST API (as admin).
 */
abstract class DesignerVersionsBrowserTest extends DesignerBrowserTest {

    /** A manual trigger, a script and a log notice: runs in a sandbox without any connection. */
    static final String DEFINITION = """
            {"schemaVersion": 1,
             "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "toOrder", "type": "script", "name": "Payment to FBA order",
                "config": {"code": "return {ok: true};"}, "position": {"x": 0, "y": 140}},
               {"id": "tellOps", "type": "notify", "name": "Tell ops",
                "config": {"channel": "log", "message": "order sent"}, "position": {"x": 0, "y": 280}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "toOrder"},
                       {"from": "toOrder", "fromPort": "out", "to": "tellOps"}]}""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Opens the designer of workflow {@code id} in {@code on} and waits until its graph is drawn. */
    void openDesigner(Page on, String id) {
        on.navigate(url("/workflows/" + id));
        // the first load builds the designer's states on the server: on a loaded machine, more than 5 s
        assertThat(on.locator("[data-testid=designer]")).hasAttribute("data-ready", "true",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
        assertThat(on.locator("[data-testid=canvas-ready]")).hasCount(1);
    }

    Locator node(Page on, String nodeId) {
        return on.locator("[data-testid=canvas-node][data-node-id=" + nodeId + "]");
    }

    /** Opens the node's inspector, types {@code name} as its name and leaves the field (one edit). */
    void rename(Page on, String nodeId, String name) {
        // near its top left corner: the minimap may cover the rest of a node low on the canvas
        node(on, nodeId).click(new Locator.ClickOptions().setPosition(8, 8));
        assertThat(on.locator("[data-testid=inspector]")).hasAttribute("data-node", nodeId);
        Locator field = on.locator("[data-testid=param][data-name=name]").locator("input, textarea").first();
        field.fill(name);
        field.press("Tab");
        assertThat(on.locator("[data-testid=designer]")).hasAttribute("data-dirty", "true");
    }

    /** Save in the toolbar, a comment, confirm. */
    void startSave(Page on, String comment) {
        on.locator("[data-testid=save]").click();
        on.locator("[data-testid=save-comment]").fill(comment);
        on.locator("[data-testid=save-confirm]").click();
    }

    /** A version as the REST API answers it (GET /api/v1/workflows/{id}/versions/{version}). */
    JsonNode version(String workflowId, int version) {
        return JSON.readTree(getThroughApi("/api/v1/workflows/" + workflowId + "/versions/" + version, 200));
    }

    /** The status of GET {@code path} as admin, over real HTTP. */
    int statusOf(String path) {
        return send(path).statusCode();
    }

    String getThroughApi(String path, int status) {
        HttpResponse<String> response = send(path);
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body();
    }

    private HttpResponse<String> send(String path) {
        String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode nodeOf(JsonNode version, String nodeId) {
        for (JsonNode node : version.get("definition").get("nodes")) {
            if (nodeId.equals(node.get("id").asString())) {
                return node;
            }
        }
        throw new AssertionError("no node " + nodeId + " in version " + version.get("version"));
    }
}
