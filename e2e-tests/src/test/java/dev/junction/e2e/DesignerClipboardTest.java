package dev.junction.e2e;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Copy two nodes to the system clipboard as a workflow fragment without secrets, paste them into another workflow. */
class DesignerClipboardTest extends DesignerBrowserTest {

    private static final Pattern SECRET_LIKE = Pattern.compile("(?i)secret|password|token|api[-_]?key|signature");

    @Test
    void twoCopiedNodesArePastedIntoAnotherWorkflowWithFreshIds() {
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        String first = newWorkflow("Copy from", FIXTURE);
        String second = newWorkflow("Paste into", FIXTURE);
        openDesigner(first);

        node("toOrder").click();
        node("tellOps").click(new Locator.ClickOptions().setModifiers(List.of(com.microsoft.playwright.options.KeyboardModifier.CONTROL)));
        assertThat(page.locator("[data-testid=canvas-node][data-selected=true]")).hasCount(2);
        page.keyboard().press("Control+c");

        String text = (String) page.evaluate("navigator.clipboard.readText()");
        JsonNode fragment = JsonMapper.builder().build().readTree(text);
        assertThat(fragment.get("nodes")).hasSize(2);
        assertThat(fragment.get("edges")).hasSize(1);
        assertThat(keys(fragment)).noneMatch(key -> SECRET_LIKE.matcher(key).find());
        assertThat(text).doesNotContain("not-for-the-clipboard");

        navigateToDesigner(second);
        focusCanvas();
        page.keyboard().press("Control+v");

        assertThat(nodes()).hasCount(5);
        assertThat(node("toOrder-2")).hasText(Pattern.compile("Payment to FBA order"));
        assertThat(node("tellOps-2")).hasCount(1);
        assertThat(edge("toOrder-2:out->tellOps-2")).hasCount(1);
        assertThat(page.locator("[data-testid=canvas-node][data-selected=true]")).hasCount(2);
        screenshot("pasted");

        page.keyboard().press("Control+d");
        assertThat(nodes()).hasCount(7);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                keys.add(field.getKey());
                keys.addAll(keys(field.getValue()));
            }
        } else if (node.isArray()) {
            node.forEach(child -> keys.addAll(keys(child)));
        }
        return keys;
    }
}
