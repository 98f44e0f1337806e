package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The designer's inspector on the built-in sandbox connections: the form generated from a connector's operation, an
 * input field dragged into a parameter, expression completion and errors, the trigger form drawn from the catalog's
 * trigger kinds, the cron preview, a pinned sample with "run to here", and the stale marker after an upstream edit.
 */
class DesignerInspectorTest extends BrowserTest {

    /** A manual trigger, an HTTP request on the HTTP sandbox connection without its path, a notify node without its
     * required message. */
    static final String DEFINITION = """
            {"schemaVersion": 1,
             "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "call", "type": "connector", "name": "Ask the shop",
                "config": {"connection": "http-sandbox", "operation": "request", "input": {"method": "GET"}},
                "position": {"x": 250, "y": 0}},
               {"id": "tell", "type": "notify", "name": "Tell ops",
                "config": {"channel": "log"}, "position": {"x": 500, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "call"},
                       {"from": "call", "fromPort": "out", "to": "tell"}]}""";

    /** The trigger, then two scripts: a test run needs no remote. */
    static final String SCRIPTS = """
            {"schemaVersion": 1,
             "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "total", "type": "script", "name": "Order total", "config": {"code": "return { total: 12.5 };"},
                "position": {"x": 0, "y": 200}},
               {"id": "tell", "type": "script", "name": "Tell ops",
                "config": {"code": "return { said: nodes.total.total };"}, "position": {"x": 250, "y": 200}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "total"},
                       {"from": "total", "fromPort": "out", "to": "tell"}]}""";

    private void openDesigner(String definition) {
        String id = workflowWithDefinition("Inspector " + UUID.randomUUID().toString().substring(0, 8), definition);
        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/workflows/" + id));
        assertThat(page.locator("[data-testid=designer]")).hasAttribute("data-ready", "true");
        assertThat(page.locator("[data-testid=canvas-ready]")).hasCount(1);
    }

    private Locator inspect(String nodeId) {
        // near the top left corner: the minimap may cover a step's centre
        page.locator("[data-testid=canvas-node][data-node-id=" + nodeId + "]").click(new Locator.ClickOptions().setPosition(20, 12));
        Locator inspector = page.locator("[data-testid=inspector][data-node=" + nodeId + "]");
        assertThat(inspector).isVisible();
        return inspector;
    }

    private Locator param(String name) {
        return page.locator("[data-testid=param][data-name='" + name + "']");
    }

    private Locator expression(String name) {
        return page.locator("[data-testid=expr-input][data-name='" + name + "'] .cm-content");
    }

    private void pinTriggerSample(String json) {
        inspect("trigger");
        page.locator("[data-testid=sample-json][data-node=trigger]").fill(json);
        page.locator("[data-testid=pin-sample][data-node=trigger]").click();
        assertThat(page.locator("[data-testid=pane-output][data-node=trigger]")).hasAttribute("data-source", "pinned");
    }

    @Test
    void aConnectorNodesFormIsGeneratedFromItsOperation() {
        openDesigner(DEFINITION);
        inspect("call");

        assertThat(page.locator("[data-testid=pane-input]")).isVisible();
        assertThat(page.locator("[data-testid=pane-parameters]")).isVisible();
        assertThat(page.locator("[data-testid=pane-output]")).isVisible();
        // only the HTTP connector's connections are offered, marked sandbox or production
        Locator connection = param("config.connection").locator("select");
        assertThat(connection).hasValue("http-sandbox");
        assertThat(connection.locator("option", new Locator.LocatorOptions().setHasText("(sandbox)"))).not().hasCount(0);
        assertThat(connection.locator("option", new Locator.LocatorOptions().setHasText("opayo"))).hasCount(0);
        assertThat(connection.locator("option", new Locator.LocatorOptions().setHasText("amazon"))).hasCount(0);
        // the operation's input fields (its schema asked for when the node was inspected), required ones marked
        assertThat(page.locator("[data-testid=pane-parameters]")).hasAttribute("data-operation-schema", "loaded");
        assertThat(param("config.input.method").locator("select")).hasValue(Pattern.compile("\\d+"));
        assertThat(param("config.input.method").getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("Method")))
                .isVisible();
        assertThat(param("config.input.path")).hasAttribute("data-required", "true");
        assertThat(param("config.input.query")).not().hasAttribute("data-required", "true");
        screenshot("connector-form");

        // a missing required field is a problem on that field; a click on the problem focuses it
        inspect("tell");
        assertThat(param("config.message")).hasAttribute("data-required", "true");
        assertThat(param("config.message")).hasAttribute("data-invalid", "true");
        assertThat(param("config.message").locator("[data-testid=param-problem]")).containsText("required");
        inspect("call");
        page.locator("[data-testid=problems-toggle]").click();
        page.locator("[data-testid=problem][data-node=tell][data-field='config.message']").click();
        assertThat(page.locator("[data-testid=inspector][data-node=tell]")).isVisible();
        page.waitForFunction("() => document.activeElement?.closest('[data-testid=param]')?.dataset.name === 'config.message'");
        screenshot("problem-focused");
    }

    @Test
    void anInputFieldDraggedOntoAParameterWritesTheExpression() {
        page.setViewportSize(1280, 1100); // the input field and the parameter both in view
        openDesigner(DEFINITION);
        pinTriggerSample("{\"AmazonOrderId\": \"206-1234567-1234567\", \"OrderTotal\": {\"Amount\": \"12.50\"}}");
        inspect("call");

        Locator field = page.locator("[data-testid=input-field][data-path='AmazonOrderId']");
        assertThat(field).isVisible();
        field.dragTo(expression("config.input.path"));

        assertThat(expression("config.input.path")).hasText("{{ trigger.AmazonOrderId }}");
        assertThat(page.locator("[data-testid=param-result][data-name='config.input.path']")).hasText("206-1234567-1234567");
        assertThat(page.locator("[data-testid=designer]")).hasAttribute("data-dirty", "true");
        screenshot("dragged-expression");
    }

    @Test
    void expressionsCompleteTheScopeAndShowErrors() {
        openDesigner(DEFINITION);
        pinTriggerSample("{\"AmazonOrderId\": \"206-1234567-1234567\", \"OrderTotal\": {\"Amount\": \"12.50\"}}");
        inspect("call");

        expression("config.input.path").click();
        page.keyboard().type("/orders/{{ trigger.Or");
        Locator completions = page.locator(".cm-tooltip-autocomplete li");
        assertThat(completions.first()).isVisible();
        assertThat(completions.filter(new Locator.FilterOptions().setHasText("OrderTotal"))).hasCount(1);
        screenshot("completion");
        page.keyboard().press("Escape");

        // an operator without its operand does not parse: the error shows under the field
        page.keyboard().press("Control+a");
        page.keyboard().type("{{ trigger.OrderTotal + }}");
        assertThat(expression("config.input.path")).hasText("{{ trigger.OrderTotal + }}");
        assertThat(page.locator("[data-testid=expr-error][data-name='config.input.path']")).isVisible();
        screenshot("expression-error");

        // Ctrl+Z in the editor is the editor's own undo: the designer's history is untouched
        page.keyboard().press("Control+z");
        assertThat(page.locator("[data-testid=designer]")).hasAttribute("data-dirty", "false");

        // a node after the connector completes its output from the operation's output schema (asked for on inspect)
        inspect("tell");
        expression("config.message").click();
        page.keyboard().type("{{ nodes.call.");
        assertThat(completions.filter(new Locator.FilterOptions().setHasText("status"))).hasCount(1);
        assertThat(completions.filter(new Locator.FilterOptions().setHasText("headers"))).hasCount(1);
        screenshot("completion-from-output-schema");
        page.keyboard().press("Escape");
    }

    @Test
    void aScheduleShowsItsNextFiveTimes() {
        openDesigner(DEFINITION);
        inspect("trigger");

        page.locator("[data-testid=trigger-kind]").selectOption("schedule");
        Locator cron = param("config.cron").locator("input");
        cron.fill("0 30 9 ? * MON-FRI");
        cron.press("Tab");
        param("config.timeZone").locator("input").fill("Europe/London");
        param("config.timeZone").locator("input").press("Tab");

        Locator times = page.locator("[data-testid=cron-next] li");
        assertThat(times).hasCount(5);
        for (int i = 0; i < 5; i++) {
            assertThat(times.nth(i).locator("time")).hasAttribute("datetime", Pattern.compile("\\d{4}-\\d\\d-\\d\\dT.*"));
        }
        screenshot("cron-next");
    }

    @Test
    void theTriggerFormComesFromTheCatalogAndOffersTheConnectorThatVerifiesEachKind() {
        openDesigner(DEFINITION);
        inspect("trigger");

        Locator kind = page.locator("[data-testid=trigger-kind]");
        assertThat(kind.locator("option")).hasCount(4);
        kind.selectOption("webhook");
        param("config.verification.kind").locator("select").selectOption("opayo-server");
        Locator connection = param("config.verification.connection").locator("select");
        assertThat(connection).hasAttribute("data-connector", "opayo-pi");
        assertThat(connection.locator("option", new Locator.LocatorOptions().setHasText("opayo"))).not().hasCount(0);
        assertThat(connection.locator("option[value=http-sandbox]")).hasCount(0);
        assertThat(param("config.verification.redirectUrl")).isVisible();

        param("config.verification.kind").locator("select").selectOption("hmac-sha256");
        assertThat(connection).hasAttribute("data-connector", "http");
        assertThat(connection.locator("option[value=http-sandbox]")).hasCount(1);
        assertThat(param("config.verification.redirectUrl")).hasCount(0);
        assertThat(param("config.verification.signatureHeader")).isVisible();
        screenshot("trigger-webhook-hmac");
    }

    @Test
    void aPinnedSampleRunsToHereAndAnUpstreamEditMakesTheNodeStale() {
        openDesigner(SCRIPTS);
        pinTriggerSample("{\"orderId\": \"A-1\"}");
        inspect("tell");

        page.locator("[data-testid=run-to-here][data-node=tell]").click();
        assertThat(page.locator("[data-testid=canvas-node][data-node-id=tell]")).hasAttribute("data-status", "succeeded");
        Locator output = page.locator("[data-testid=pane-output][data-node=tell]");
        assertThat(output).hasAttribute("data-source", "run");
        assertThat(output.locator("[data-testid=output-field][data-path=said]")).containsText("12.5");
        assertThat(page.locator("[data-testid=canvas-node][data-node-id=tell]")).hasAttribute("data-stale", "false");
        screenshot("ran-to-here");

        // an edit of the upstream node's code marks the node after it stale
        inspect("total");
        expression("config.code").click();
        page.keyboard().press("End");
        page.keyboard().type(" // changed");
        param("name").locator("input").click();
        assertThat(page.locator("[data-testid=canvas-node][data-node-id=tell]")).hasAttribute("data-stale", "true");
        assertThat(page.locator("[data-testid=designer]")).hasAttribute("data-dirty", "true");
        screenshot("stale-after-edit");

        // a dirty page must be saved before a run: the run uses the saved version
        inspect("tell");
        page.locator("[data-testid=run-to-here][data-node=tell]").click();
        assertThat(page.locator("[data-testid=inspector-message]")).containsText("Save first");
    }
}
