package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.SelectOption;
import dev.junction.engine.json.PayloadJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A number code a connector's operation takes is shown in the designer's form by its name (the operation's input
 * schema names it in {@code x-enumNames}) and saved as the number: a Dataverse sales order state.
 */
class DesignerChoiceLabelsTest extends BrowserTest {

    /** A manual trigger, then a query of the Dataverse sandbox's submitted sales orders (state 1). */
    private static final String DEFINITION = """
            {"schemaVersion": 1,
             "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "orders", "type": "connector", "name": "Submitted orders",
                "config": {"connection": "dataverse-sandbox", "operation": "querySalesOrders",
                           "input": {"statecode": 1}},
                "position": {"x": 250, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "orders"}]}""";

    @Test
    void aSalesOrderStateIsChosenByItsNameAndSavedAsItsNumber() {
        String workflowId = workflowWithDefinition("States " + UUID.randomUUID().toString().substring(0, 8),
                DEFINITION);
        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/workflows/" + workflowId));
        assertThat(page.locator("[data-testid=designer]")).hasAttribute("data-ready", "true");
        assertThat(page.locator("[data-testid=canvas-ready]")).hasCount(1);
        page.locator("[data-testid=canvas-node][data-node-id=orders]").click(
                new Locator.ClickOptions().setPosition(20, 12));
        assertThat(page.locator("[data-testid=inspector][data-node=orders]")).isVisible();

        Locator state = page.locator("[data-testid=param][data-name='config.input.statecode'] select");
        assertThat(state.locator("option")).hasText(new String[] {"—", "Active", "Submitted", "Canceled",
                "Fulfilled", "Invoiced"});
        assertThat(state.locator("option:checked")).hasText("Submitted");
        state.selectOption(new SelectOption().setLabel("Fulfilled"));
        assertThat(state.locator("option:checked")).hasText("Fulfilled");
        state.scrollIntoViewIfNeeded();
        screenshot("state");

        page.keyboard().press("Control+s");
        page.locator("[data-testid=save-comment]").fill("fulfilled orders");
        page.locator("[data-testid=save-confirm]").click();
        assertThat(page.locator("[data-testid=designer]")).hasAttribute("data-dirty", "false");

        @SuppressWarnings("unchecked")
        Map<String, Object> saved = (Map<String, Object>) PayloadJson.read(
                AdminReads.get(port, "/api/v1/workflows/" + workflowId + "/versions/3"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) ((Map<String, Object>) saved.get("definition"))
                .get("nodes");
        @SuppressWarnings("unchecked")
        Map<String, Object> input = (Map<String, Object>) ((Map<String, Object>) nodes.getFirst().get("config"))
                .get("input");
        org.assertj.core.api.Assertions.assertThat(((Number) input.get("statecode")).intValue())
                .as("the number, not its name").isEqualTo(3);
    }
}
