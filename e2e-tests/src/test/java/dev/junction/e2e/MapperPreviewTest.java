package dev.junction.e2e;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.junction.e2e.MapperSamples.pasteSample;
import static dev.junction.e2e.MapperSamples.previewOutput;
import static dev.junction.e2e.MapperSamples.settledHash;
import static org.assertj.core.api.Assertions.assertThat;

/** MP-7: the live preview follows every change of the sample, shows the output as a tree and as JSON, and compares
 * it with the previous version's output on the same sample. */
class MapperPreviewTest extends MapperBrowserTest {

    @Test
    void aPastedSampleIsPreviewedAndEachEditChangesTheOutput() {
        openMapper(newMapping("Preview", MapperSamples.COMPLETE_ORDER_TO_OPAYO));

        pasteSample(page, MapperSamples.order("111-1111111-1111111", "19.99"));
        assertThat(previewOutput(page)).hasAttribute("data-state", "ok");
        assertThat(page.locator("[data-testid=output-node][data-path=vendorTxCode]")).containsText("111-1111111-1111111");
        assertThat(page.locator("[data-testid=output-node][data-path=currency]")).containsText("GBP");
        assertThat(page.locator("[data-testid=sample-label]")).hasText("Edited by hand");
        String first = settledHash(page);
        screenshot("1-pasted");

        pasteSample(page, MapperSamples.order("222-2222222-2222222", "19.99"));
        assertThat(previewOutput(page)).not().hasAttribute("data-hash", first);
        assertThat(page.locator("[data-testid=output-node][data-path=vendorTxCode]")).containsText("222-2222222-2222222");
        String second = settledHash(page);

        // the same output again gives the same hash (the hash is of the output, not of the moment)
        pasteSample(page, MapperSamples.order("111-1111111-1111111", "5.00"));
        assertThat(previewOutput(page)).hasAttribute("data-hash", first);
        assertThat(second).isNotEqualTo(first);

        // a rule changed on the trees (drag a source onto a target): the output follows; undo brings it back
        drag(sourceField("OrderStatus"), targetField("description"));
        assertThat(previewOutput(page)).not().hasAttribute("data-hash", first);
        assertThat(page.locator("[data-testid=output-node][data-path=description]")).containsText("Shipped");
        screenshot("2-rule-changed");
        page.locator("[data-testid=undo]").click();
        assertThat(previewOutput(page)).hasAttribute("data-hash", first);

        // hovering a target highlights the source rows that fed it (the preview's lineage)
        targetField("vendorTxCode").hover();
        assertThat(sourceField("AmazonOrderId")).hasAttribute("data-highlight", "true");
        assertThat(sourceField("OrderStatus")).not().hasAttribute("data-highlight", "true");

        page.locator("[data-testid=bottom-tab-output]").click();
        page.locator("[data-testid=output-json-tab]").click();
        assertThat(page.locator("[data-testid=preview-json]")).containsText("\"vendorTxCode\": \"111-1111111-1111111\"");
        screenshot("3-json");
    }

    @Test
    void aSampleThatIsNotJsonIsNamedAndTheLastGoodOutputStays() {
        openMapper(newMapping("Preview bad sample", MapperSamples.COMPLETE_ORDER_TO_OPAYO));
        pasteSample(page, MapperSamples.order("333-3333333-3333333", "1.00"));
        assertThat(page.locator("[data-testid=output-node][data-path=vendorTxCode]")).containsText("333-3333333-3333333");
        String good = settledHash(page);

        pasteSample(page, "{\"AmazonOrderId\": ");
        assertThat(page.locator("[data-testid=sample-error]")).containsText("The sample is not JSON");
        assertThat(previewOutput(page)).hasAttribute("data-hash", good);
        screenshot("not-json");
    }

    @Test
    void aSampleWithoutARequiredSourceFieldListsTheProblemInTheIssuesPanel() {
        openMapper(newMapping("Preview issues", MapperSamples.COMPLETE_ORDER_TO_OPAYO));
        pasteSample(page, "{\"AmazonOrderId\": \"444-4444444-4444444\"}");
        assertThat(previewOutput(page)).hasAttribute("data-state", "error");
        assertThat(page.locator("[data-testid=bottom-tab-issues]")).hasText(Pattern.compile("Issues \\([1-9]"));
        screenshot("1-error-output");

        page.locator("[data-testid=bottom-tab-issues]").click();
        assertThat(page.locator("[data-testid=issue][data-path=currency][data-severity=error]")).hasCount(1);
        page.locator("[data-testid=issue][data-path=currency]").click();
        assertThat(targetField("currency")).hasAttribute("data-selected", "true");
        assertThat(targetField("currency")).isInViewport();
        // a problem of the output on this sample is not an error of the mapping: publishing stays possible
        assertThat(page.locator("[data-testid=publish]")).hasAttribute("data-blocked", "");
        screenshot("2-issues");
    }

    @Test
    void thePreviousVersionsOutputIsComparedOnTheSameSample() {
        String id = newMapping("Preview compare", MapperSamples.COMPLETE_ORDER_TO_OPAYO);
        createdThroughApi("/api/v1/mappings/" + id + "/versions", "{\"baseVersion\": 1, \"comment\": \"constant code\","
                + " \"definition\": " + MapperSamples.COMPLETE_ORDER_TO_OPAYO.replace(
                        "{\"target\": \"vendorTxCode\", \"from\": \"AmazonOrderId\"}",
                        "{\"target\": \"vendorTxCode\", \"value\": \"FIXED\"}") + "}");
        openMapper(id);
        pasteSample(page, MapperSamples.order("555-5555555-5555555", "9.99"));
        assertThat(page.locator("[data-testid=output-node][data-path=vendorTxCode]")).containsText("FIXED");

        page.locator("[data-testid=bottom-tab-output]").click();
        page.locator("[data-testid=output-compare-tab]").click();
        assertThat(page.locator("[data-testid=output-compare]")).hasAttribute("data-version", "1");
        assertThat(page.locator("[data-testid=output-compare]")).hasAttribute("data-state", "ready");
        assertThat(page.locator("[data-testid=output-diff]")).hasCount(1);
        assertThat(page.locator("[data-testid=output-diff][data-path=vendorTxCode][data-kind=changed]"))
                .containsText("555-5555555-5555555");
        assertThat(page.locator("[data-testid=output-diff][data-path=vendorTxCode]")).containsText("FIXED");
        screenshot("compare-v1");
    }
}
