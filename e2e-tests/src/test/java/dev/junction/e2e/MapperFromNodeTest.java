package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import dev.junction.e2e.connector.E2eEchoConnector;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * From a workflow's map node to the mapping editor: "New mapping from this node" makes a stored mapping with the
 * schemas of the operations around the node, saves the workflow with the node naming it and opens the editor with the
 * node's context; "Open in mapping editor" opens the stored mapping a node names, with the node's inputs of its last
 * runs as samples.
 */
class MapperFromNodeTest extends DesignerBrowserTest {

    /** An echo connection (the browser tests' connector) through the REST API; answers its id. */
    private String echoConnection() {
        String id = "echo-" + UUID.randomUUID().toString().substring(0, 8);
        createdThroughApi("/api/v1/connections", """
                {"id": "%s", "name": "Echo %s", "connectorId": "%s", "environment": "sandbox",
                 "settings": {"greeting": "hello", "mode": "plain", "baseUrl": "https://echo.example"},
                 "secrets": {"apiKey": "%s"}}""".formatted(id, id, E2eEchoConnector.ID, E2eEchoConnector.RIGHT_KEY));
        return id;
    }

    private Locator inspect(String nodeId) {
        node(nodeId).click(new Locator.ClickOptions().setPosition(8, 8));
        Locator inspector = page.locator("[data-testid=inspector][data-node=" + nodeId + "]");
        assertThat(inspector).isVisible();
        return inspector;
    }

    @Test
    void aNewMappingFromAMapNodeOpensTheEditorWithTheNodesContext() {
        String connection = echoConnection();
        String name = "Echo shaping " + UUID.randomUUID().toString().substring(0, 8);
        String workflow = workflowWithDefinition(name, """
                {"schemaVersion": 1,
                 "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [
                   {"id": "fetch", "type": "connector", "name": "Fetch",
                    "config": {"connection": "%1$s", "operation": "echo", "input": {}}, "position": {"x": 250, "y": 0}},
                   {"id": "shape", "type": "map", "name": "Shape the order", "config": {}, "position": {"x": 500, "y": 0}},
                   {"id": "send", "type": "connector", "name": "Send",
                    "config": {"connection": "%1$s", "operation": "echo", "input": "{{ $json }}"},
                    "position": {"x": 750, "y": 0}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "fetch"},
                           {"from": "fetch", "fromPort": "out", "to": "shape"},
                           {"from": "shape", "fromPort": "out", "to": "send"}]}""".formatted(connection));
        openDesigner(workflow);
        inspect("shape");
        assertThat(page.locator("[data-testid=open-mapping-editor]")).hasCount(0);
        screenshot("1-map-node");

        page.locator("[data-testid=new-mapping-from-node]").click();

        assertThat(page).hasURL(Pattern.compile(".*/mappings/[0-9a-f-]{36}\\?(workflow=" + workflow
                + "&node=shape|node=shape&workflow=" + workflow + ")$"));
        assertThat(page.locator("#mapping-title")).hasText(name + " · Shape the order");
        Locator context = page.locator("[data-testid=node-context]");
        assertThat(context).hasAttribute("data-workflow", workflow);
        assertThat(context).hasAttribute("data-node", "shape");
        // the echo operation's output feeds the node, the echo operation's input is fed by it
        assertThat(context).hasAttribute("data-source-schema", "true");
        assertThat(context).hasAttribute("data-target-schema", "true");
        assertThat(context).hasAttribute("data-samples", "0");
        assertThat(context).containsText("From workflow '" + name + "' · node shape");
        assertThat(page.locator("[data-testid=mapping-editor][data-ready=true]")).isVisible();
        screenshot("2-editor-from-node");
        String mapping = page.url().replaceAll(".*/mappings/([0-9a-f-]{36}).*", "$1");
        org.assertj.core.api.Assertions.assertThat(AdminReads.get(port, "/api/v1/mappings/" + mapping)
                .replaceAll("\\s", "")).contains("\"source\":{\"schema\":{\"type\":\"object\"}}")
                .contains("\"rules\":[]");

        // the workflow was saved with the node naming the mapping: back in the designer, it opens it
        context.click();
        assertThat(page.locator("[data-testid=designer][data-ready=true]")).isVisible();
        assertThat(designer()).hasAttribute("data-dirty", "false");
        inspect("shape");
        Locator open = page.locator("[data-testid=open-mapping-editor]");
        assertThat(open).hasAttribute("data-mapping", mapping);
        assertThat(page.locator("[data-testid=new-mapping-from-node]")).hasCount(0);
        screenshot("3-node-names-mapping");
        open.click();
        assertThat(page).hasURL(Pattern.compile(".*/mappings/" + mapping + "\\?.*node=shape.*"));
        assertThat(page.locator("[data-testid=node-context]")).hasAttribute("data-workflow", workflow);
    }

    @Test
    void openingAStoredMappingFromItsNodeBringsTheNodesInputsOfItsLastRuns() {
        Matcher created = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(createdThroughApi(
                "/api/v1/mappings", "{\"name\": \"Order id " + UUID.randomUUID().toString().substring(0, 8)
                        + "\", \"definition\": " + MappingsViewTest.PLAIN + "}"));
        org.assertj.core.api.Assertions.assertThat(created.find()).isTrue();
        String mapping = created.group(1);
        postThroughApi("/api/v1/mappings/" + mapping + "/versions/1/publish", "", 200);
        String workflow = workflowWithDefinition("Runs a mapping " + UUID.randomUUID().toString().substring(0, 8), """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [{"id": "shape", "type": "map", "name": "Shape", "config": {"mapping": "%s"},
                            "position": {"x": 300, "y": 0}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "shape"}]}""".formatted(mapping));
        postThroughApi("/api/v1/workflows/" + workflow + "/versions/2/publish", "", 200);
        Matcher run = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(postThroughApi(
                "/api/v1/workflows/" + workflow + "/runs", "{\"input\": {\"orderId\": \"S-1001\"}}", 202));
        org.assertj.core.api.Assertions.assertThat(run.find()).isTrue();
        // the run, followed on the canvas until it is done (its map step's input is the sample the editor offers)
        openDesigner(workflow);
        page.navigate(url("/workflows/" + workflow + "?run=" + run.group(1)));
        assertThat(page.locator("[data-testid=run-overlay]")).hasAttribute("data-status", "succeeded",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        org.assertj.core.api.Assertions.assertThat(AdminReads.get(port, "/api/v1/runs/" + run.group(1)))
                .contains("\"succeeded\"");

        navigateToDesigner(workflow);
        inspect("shape");
        page.locator("[data-testid=open-mapping-editor]").click();

        Locator context = page.locator("[data-testid=node-context]");
        assertThat(context).hasAttribute("data-node", "shape");
        assertThat(context).hasAttribute("data-samples", "1");
        // a trigger feeds the node: no operation describes its input
        assertThat(context).hasAttribute("data-source-schema", "false");
        assertThat(context).hasAttribute("data-target-schema", "false");
        screenshot("editor-with-run-sample");
    }
}
