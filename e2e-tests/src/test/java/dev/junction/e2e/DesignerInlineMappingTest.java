package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A map node's mapping written in the inspector as rules (no JSON): a field of the trigger's payload, a fixed value
 * and an expression; saved, free of problems, and run: the map node's output holds the three mapped fields.
 */
class DesignerInlineMappingTest extends DesignerBrowserTest {

    /** A manual trigger, a map node without its mapping yet, a log notice. */
    static final String DEFINITION = """
            {"schemaVersion": 1,
             "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "shape", "type": "map", "name": "Shape the order", "config": {}, "position": {"x": 300, "y": 0}},
               {"id": "tell", "type": "notify", "name": "Tell ops",
                "config": {"channel": "log", "message": "order shaped"}, "position": {"x": 600, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "shape"},
                       {"from": "shape", "fromPort": "out", "to": "tell"}]}""";

    private Locator inspect(String nodeId) {
        node(nodeId).click(new Locator.ClickOptions().setPosition(8, 8));
        Locator inspector = page.locator("[data-testid=inspector][data-node=" + nodeId + "]");
        assertThat(inspector).isVisible();
        return inspector;
    }

    private Locator rule(int index) {
        return page.locator("[data-testid=map-rule][data-index='" + index + "']");
    }

    /** Adds a rule with the mouse and fills it by keyboard: target, Tab to the kind, the source, Tab out. */
    private void addRule(int index, String target, String kind, String source) {
        page.locator("[data-testid=rule-add]").click();
        Locator row = rule(index);
        assertThat(row.locator("[data-testid=rule-target]")).isFocused();
        page.keyboard().type(target);
        page.keyboard().press("Tab");
        assertThat(row.locator("[data-testid=rule-kind]")).isFocused();
        row.locator("[data-testid=rule-kind]").selectOption(kind);
        row.locator("[data-testid=rule-source]").click();
        page.keyboard().type(source);
        page.keyboard().press("Tab");
        assertThat(row.locator("[data-testid=rule-target]")).hasValue(target);
        assertThat(row.locator("[data-testid=rule-kind]")).hasValue(kind);
        assertThat(row.locator("[data-testid=rule-source]")).hasValue(source);
    }

    @Test
    void rulesWrittenInTheInspectorAreSavedAndRun() {
        openDesigner(newWorkflow("Inline mapping", DEFINITION));
        inspect("shape");
        Locator mappingField = page.locator("[data-testid=param][data-name='config.mapping']");
        assertThat(mappingField).hasAttribute("data-invalid", "true"); // no mapping yet

        Locator mode = page.locator("[data-testid=mapping-mode]");
        assertThat(mode).hasValue("stored");
        mode.selectOption("inline");
        assertThat(designer()).hasAttribute("data-dirty", "true");
        assertThat(page.locator("[data-testid=map-rule]")).hasCount(0);

        addRule(0, "orderRef", "from", "VendorTxCode");
        addRule(1, "priority", "value", "2");
        addRule(2, "description", "expression", "'Order ' + source.VendorTxCode");
        assertThat(page.locator("[data-testid=map-rule]")).hasCount(3);
        assertThat(page.getByLabel("Target field of rule 3")).hasValue("description");
        assertThat(page.getByLabel("Source of rule 2")).hasValue("2");
        assertThat(page.locator("[data-testid=publish]")).hasAttribute("data-problems", "0");
        assertThat(mappingField).not().hasAttribute("data-invalid", "true");
        screenshot("inline-rules");

        // one history entry per row edit: undo takes back the last expression, redo brings it back
        focusCanvas();
        page.keyboard().press("Control+z");
        assertThat(rule(2).locator("[data-testid=rule-source]")).hasValue("");
        page.keyboard().press("Control+Shift+z");
        assertThat(rule(2).locator("[data-testid=rule-source]")).hasValue("'Order ' + source.VendorTxCode");

        // an expression that does not parse is a problem on its rule, and marks the mapping field
        Locator expression = rule(2).locator("[data-testid=rule-source]");
        expression.fill("'Order ' +");
        expression.press("Tab");
        assertThat(rule(2)).hasAttribute("data-invalid", "true");
        assertThat(rule(2).locator("[data-testid=rule-problem]")).containsText("expression");
        assertThat(mappingField).hasAttribute("data-invalid", "true");
        assertThat(page.locator("[data-testid=publish]")).not().hasAttribute("data-problems", "0");
        screenshot("rule-problem");
        expression.fill("'Order ' + source.VendorTxCode");
        expression.press("Tab");
        assertThat(rule(2)).not().hasAttribute("data-invalid", "true");
        assertThat(page.locator("[data-testid=publish]")).hasAttribute("data-problems", "0");

        page.keyboard().press("Control+s");
        page.locator("[data-testid=save-comment]").fill("rules written in the inspector");
        page.locator("[data-testid=save-confirm]").click();
        assertThat(designer()).hasAttribute("data-dirty", "false");
        assertThat(page.locator("[data-testid=publish]")).hasAttribute("data-problems", "0");
        assertThat(page.locator("[data-testid=publish]")).isEnabled();

        page.locator("[data-testid=test-run]").click();
        page.locator("[data-testid=test-run-input]").fill("{\"VendorTxCode\": \"T-1001\", \"amount\": 12.5}");
        page.locator("[data-testid=test-run-start]").click();
        assertThat(page.locator("[data-testid=run-overlay]")).hasAttribute("data-status", "succeeded");
        assertThat(node("shape")).hasAttribute("data-status", "succeeded");
        assertThat(node("tell")).hasAttribute("data-status", "succeeded");

        inspect("shape");
        Locator output = page.locator("[data-testid=pane-output][data-node=shape]");
        assertThat(output.locator("[data-testid=output-field][data-path=orderRef]")).containsText("T-1001");
        assertThat(output.locator("[data-testid=output-field][data-path=priority]")).containsText("2");
        assertThat(output.locator("[data-testid=output-field][data-path=description]")).containsText("Order T-1001");
        page.locator("[data-testid=output-json-toggle]").click();
        assertThat(page.locator("[data-testid=output-json]")).containsText("\"priority\": 2");
        screenshot("inline-mapping-run");
    }
}
