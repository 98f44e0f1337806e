package dev.junction.e2e;

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
import static org.assertj.core.api.Assertions.assertThat;

/** A definition saved through the REST API is drawn on the canvas: every node, every edge, the version. */
class CanvasTest extends BrowserTest {

    private static final String DEFINITION = """
            {"schemaVersion": 1,
             "trigger": {"kind": "webhook", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "toOrder", "type": "script", "name": "Payment to FBA order", "config": {"code": "return input;"},
                "position": {"x": 0, "y": 120}},
               {"id": "tellOps", "type": "notify", "name": "Tell ops",
                "config": {"channel": "log", "message": "order sent"}, "position": {"x": 0, "y": 240}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "toOrder"},
                       {"from": "toOrder", "fromPort": "out", "to": "tellOps"}]}""";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSavedDefinitionIsDrawnWithItsNodesAndEdges() throws Exception {
        String created = api("POST", "/api/v1/workflows",
                "{\"name\": \"Opayo payment to FBA " + UUID.randomUUID().toString().substring(0, 8) + "\"}");
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(created);
        assertThat(id.find()).isTrue();
        api("POST", "/api/v1/workflows/" + id.group(1) + "/versions",
                "{\"baseVersion\": 1, \"comment\": \"first draft\", \"definition\": " + DEFINITION + "}");

        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/workflows/" + id.group(1)));

        assertThat(page.locator("#workflow-version")).hasText("Version 2 · not published");
        assertThat(page.locator("workflow-canvas .react-flow__node")).hasCount(3);
        assertThat(page.locator("workflow-canvas .react-flow__node[data-id='toOrder']")).hasText("Payment to FBA order");
        assertThat(page.locator("workflow-canvas .react-flow__node[data-id='tellOps']")).hasText("Tell ops");
        assertThat(page.locator("workflow-canvas .react-flow__edge")).hasCount(2);
        assertThat(page.locator("#workflow-problems")).isHidden();
        screenshot("saved-definition");
    }

    @Test
    void aDraftsProblemsAreListedAndTheirNodesMarked() throws Exception {
        String id = createWorkflow();
        String broken = DEFINITION.replace("return input;", "return input +;")
                .replace("{\"from\": \"toOrder\", \"fromPort\": \"out\", \"to\": \"tellOps\"}",
                        "{\"from\": \"toOrder\", \"fromPort\": \"out\", \"to\": \"tellOps\"},"
                                + " {\"from\": \"tellOps\", \"fromPort\": \"out\", \"to\": \"nowhere\"}");
        api("POST", "/api/v1/workflows/" + id + "/versions",
                "{\"baseVersion\": 1, \"comment\": \"broken\", \"definition\": " + broken + "}");

        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/workflows/" + id));

        assertThat(page.locator("#workflow-problems")).containsText("2 problems keep this version from being published");
        assertThat(page.locator("#workflow-problems")).containsText("toOrder — $.nodes[0].config.code: does not parse");
        assertThat(page.locator("#workflow-problems")).containsText("$.edges[2].to: names no node: 'nowhere'");
        assertThat(page.locator("workflow-canvas .react-flow__node[data-id='toOrder']"))
                .hasClass(Pattern.compile(".*junction-node-invalid.*"));
        assertThat(page.locator("workflow-canvas .react-flow__node[data-id='tellOps']"))
                .not().hasClass(Pattern.compile(".*junction-node-invalid.*"));
        screenshot("draft-with-problems");
    }

    private String createWorkflow() throws Exception {
        String created = api("POST", "/api/v1/workflows",
                "{\"name\": \"Draft " + UUID.randomUUID().toString().substring(0, 8) + "\"}");
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(created);
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private String api(String method, String path, String json) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body();
    }
}
