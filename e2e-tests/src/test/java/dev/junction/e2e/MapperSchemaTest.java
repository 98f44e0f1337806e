package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** MP-9: a schema inferred from an uploaded sample, its types in the tree; re-inferring from a sample without a field
 * shows the schema diff and the rule it orphans, which the target tree then marks. */
class MapperSchemaTest extends MapperBrowserTest {

    @Test
    void aSchemaInferredFromAnUploadedSampleAndReInferredWithoutPhoneOrphansThePhoneRule() {
        openMapper(newMapping("Schema infer", MapperSamples.COMPLETE_ORDER_TO_OPAYO));
        upload("order.json", MapperSamples.order("888-8888888-8888888", "19.99"));
        assertThat(page.locator("[data-testid=sample-label]")).hasText("Uploaded order.json");

        inferSourceSchema();
        assertThat(page.locator("[data-testid=schema-diff]")).hasAttribute("data-orphans", "0");
        screenshot("1-inferred-diff");
        page.locator("[data-testid=schema-apply]").click();
        Locator source = page.locator("[data-testid=schema-picker][data-side=source]");
        assertThat(source).hasAttribute("data-schema", "inline");
        assertThat(page.locator("[data-testid=field-type][data-path='OrderTotal.Amount']")).hasText("string");
        assertThat(page.locator("[data-testid=field-type][data-path='AmazonOrderId']")).hasText("string");
        screenshot("2-inferred-types");

        upload("no-phone.json", MapperSamples.order("888-8888888-8888888", "19.99")
                .replace(", \"Phone\": \"+44 20 7946 0000\"", ""));
        inferSourceSchema();
        assertThat(page.locator("[data-testid=schema-field-change][data-kind=removed][data-path='ShippingAddress.Phone']")).hasCount(1);
        assertThat(page.locator("[data-testid=orphaned-rule]")).hasCount(1);
        assertThat(page.locator("[data-testid=orphaned-rule][data-target=customerPhone]")).hasAttribute("data-missing", "ShippingAddress.Phone");
        screenshot("3-reinferred-diff");
        page.locator("[data-testid=schema-apply]").click();
        assertThat(targetField("customerPhone")).hasAttribute("data-state", "orphaned");
        assertThat(editor()).hasAttribute("data-dirty", "true");
        screenshot("4-orphaned");
    }

    private void upload(String name, String json) {
        page.locator("[data-testid=bottom-tab-sample]").click();
        page.locator("[data-testid=sample-upload]").setInputFiles(new FilePayload(name, "application/json",
                json.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("[data-testid=sample-label]")).hasText("Uploaded " + name);
    }

    private void inferSourceSchema() {
        page.locator("[data-testid=schema-picker][data-side=source] [data-testid=schema-change]").click();
        page.locator("[data-testid=schema-way-infer]").click();
        page.locator("[data-testid=schema-infer]").click();
        assertThat(page.locator("[data-testid=schema-diff]")).isVisible();
    }
}
