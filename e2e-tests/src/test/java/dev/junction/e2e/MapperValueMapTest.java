package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MP-6: a value map written in the rule panel (Shipped → 100000001) maps the sample's status, and the coverage chip
 * counts the sample's values the map has no key for — in a loop, over every element.
 */
class MapperValueMapTest extends MapperRuleBrowserTest {

    @Test
    void anInlineValueMapMapsTheStatusAndCountsUnmappedValues() {
        openMapper(newMapping("Value map", mapping("""
                [{"target": "statuscode", "from": "OrderStatus"},
                 {"target": "salesorderdetails", "forEach": "OrderItems",
                  "rules": [{"target": "productnumber", "from": "SellerSKU"}]}]""")));
        useSample("{\"OrderStatus\": \"Shipped\", \"OrderItems\": [{\"SellerSKU\": \"A\"}, {\"SellerSKU\": \"B\"}, {\"SellerSKU\": \"A\"}]}");
        selectTarget("statuscode");
        Locator editor = page.locator("[data-testid=value-map-editor]");
        editor.locator("select[data-role=value-map-kind]").selectOption("inline");
        commit(editor.locator("[data-testid=value-map-new-key]"), "Shipped");
        Locator shipped = editor.locator("[data-testid=value-map-entry][data-key=Shipped]");
        commit(shipped.locator("input").nth(1), "100000001");
        assertThat(rule("statuscode")).isEqualTo("{\"from\":\"OrderStatus\",\"target\":\"statuscode\",\"valueMap\":{\"entries\":{\"Shipped\":100000001},\"unmapped\":\"error\"}}");
        previewNow();
        assertThat(page.locator("[data-testid=rule-value]")).hasText("100000001");
        assertThat(output()).contains("\"statuscode\":100000001");
        Locator chip = page.locator("[data-testid=coverage-chip]");
        assertThat(chip).hasText("all values mapped");
        assertThat(chip).hasAttribute("data-count", "0");
        screenshot("mapped");

        useSample("{\"OrderStatus\": \"Pending\"}");
        assertThat(chip).hasText("1 unmapped value");
        assertThat(chip).hasAttribute("data-count", "1");
        assertThat(page.locator("[data-testid=rule-problem][data-severity=ERROR]")).isVisible(); // error miss policy
        screenshot("unmapped");

        useSample("{\"OrderStatus\": \"SHIPPED\"}"); // case matters until the map ignores it
        assertThat(chip).hasText("1 unmapped value");
        editor.getByLabel("Case-insensitive").check();
        assertThat(chip).hasText("all values mapped");

        // in a loop: every element's value, each distinct one once
        selectTarget("salesorderdetails[].productnumber");
        editor.locator("select[data-role=value-map-kind]").selectOption("inline");
        commit(editor.locator("[data-testid=value-map-new-key]"), "C");
        useSample("{\"OrderItems\": [{\"SellerSKU\": \"A\"}, {\"SellerSKU\": \"B\"}, {\"SellerSKU\": \"A\"}, {\"SellerSKU\": \"C\"}]}");
        assertThat(chip).hasText("2 unmapped values");
        screenshot("loop");
    }
}
