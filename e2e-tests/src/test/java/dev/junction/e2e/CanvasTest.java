package dev.junction.e2e;

import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A definition saved through the REST API is drawn on the canvas: every node, every edge, the version, its problems. */
class CanvasTest extends BrowserTest {

    static final String DEFINITION = """
            {"schemaVersion": 1,
             "trigger": {"kind": "webhook", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "toOrder", "type": "script", "name": "Payment to FBA order", "config": {"code": "return input;"},
                "position": {"x": 0, "y": 120}},
               {"id": "tellOps", "type": "notify", "name": "Tell ops",
                "config": {"channel": "log", "message": "order sent"}, "position": {"x": 0, "y": 240}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "toOrder"},
                       {"from": "toOrder", "fromPort": "out", "to": "tellOps"}]}""";

    @Test
    void aSavedDefinitionIsDrawnWithItsNodesAndEdges() {
        String id = workflowWithDefinition("Opayo payment to FBA " + UUID.randomUUID().toString().substring(0, 8),
                DEFINITION);

        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/workflows/" + id));

        assertThat(page.locator("#workflow-version")).hasText("Version 2 · not published");
        assertThat(page.locator("workflow-canvas .react-flow__node")).hasCount(3);
        assertThat(page.locator("workflow-canvas .react-flow__node[data-id='toOrder']")).hasText("Payment to FBA order");
        assertThat(page.locator("workflow-canvas .react-flow__node[data-id='tellOps']")).hasText("Tell ops");
        assertThat(page.locator("workflow-canvas .react-flow__edge")).hasCount(2);
        assertThat(page.locator("#workflow-problems")).isHidden();
        screenshot("saved-definition");
    }

    @Test
    void aDraftsProblemsAreListedAndTheirNodesMarked() {
        String broken = DEFINITION.replace("return input;", "return input +;")
                .replace("{\"from\": \"toOrder\", \"fromPort\": \"out\", \"to\": \"tellOps\"}",
                        "{\"from\": \"toOrder\", \"fromPort\": \"out\", \"to\": \"tellOps\"},"
                                + " {\"from\": \"tellOps\", \"fromPort\": \"out\", \"to\": \"nowhere\"}");
        String id = workflowWithDefinition("Draft " + UUID.randomUUID().toString().substring(0, 8), broken);

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
}
