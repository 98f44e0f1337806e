package dev.junction.e2e;

import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.junction.e2e.MapperSamples.previewOutput;

/** MP-7's samples: an uploaded file and a record generated from the source schema become the preview's sample. */
class MapperSamplesTest extends MapperBrowserTest {

    @Test
    void anUploadedJsonFileIsTheSample() {
        openMapper(newMapping("Samples upload", MapperSamples.COMPLETE_ORDER_TO_OPAYO));
        page.locator("[data-testid=sample-upload]").setInputFiles(new FilePayload("order.json", "application/json",
                MapperSamples.order("777-7777777-7777777", "12.50").getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("[data-testid=sample-label]")).hasText("Uploaded order.json");
        assertThat(page.locator("[data-testid=sample-editor]")).containsText("777-7777777-7777777");
        assertThat(previewOutput(page)).hasAttribute("data-state", "ok");
        assertThat(page.locator("[data-testid=output-node][data-path=vendorTxCode]")).containsText("777-7777777-7777777");
        screenshot("uploaded-json");

        page.locator("[data-testid=sample-upload]").setInputFiles(new FilePayload("broken.json", "application/json",
                "{\"AmazonOrderId\": ".getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("[data-testid=sample-error]")).containsText("broken.json is not JSON");
        assertThat(page.locator("[data-testid=sample-label]")).hasText("Uploaded order.json");
    }
}
