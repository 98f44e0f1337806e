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

    @Test
    void xmlAndCsvFilesAreParsedOnTheServer() {
        openMapper(newMapping("Samples xml csv", MapperSamples.COMPLETE_ORDER_TO_OPAYO));
        page.locator("[data-testid=sample-upload]").setInputFiles(new FilePayload("order.xml", "application/xml", """
                <Order><AmazonOrderId>999-0000000-0000001</AmazonOrderId>
                  <OrderTotal><CurrencyCode>EUR</CurrencyCode><Amount>5.00</Amount></OrderTotal></Order>"""
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("[data-testid=sample-label]")).hasText("Uploaded order.xml");
        assertThat(page.locator("[data-testid=output-node][data-path=vendorTxCode]")).containsText("999-0000000-0000001");
        assertThat(page.locator("[data-testid=output-node][data-path=currency]")).containsText("EUR");
        screenshot("1-xml");

        page.locator("[data-testid=sample-upload]").setInputFiles(new FilePayload("orders.csv", "text/csv",
                "AmazonOrderId,OrderStatus\n999-0000000-0000002,Shipped\n999-0000000-0000003,Pending\n"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("[data-testid=sample-label]")).hasText("Uploaded orders.csv");
        assertThat(page.locator("[data-testid=output-node][data-path=vendorTxCode]")).containsText("999-0000000-0000002");
        screenshot("2-csv");

        page.locator("[data-testid=sample-upload]").setInputFiles(new FilePayload("broken.xml", "application/xml",
                "<Order><AmazonOrderId>".getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("[data-testid=sample-error]")).containsText("broken.xml");
        assertThat(page.locator("[data-testid=sample-label]")).hasText("Uploaded orders.csv");
    }

    @Test
    void aSampleGeneratedFromTheSourceSchemaIsPreviewed() {
        openMapper(newMapping("Samples generate", MapperSamples.COMPLETE_ORDER_TO_OPAYO));
        page.locator("[data-testid=sample-generate]").click();
        assertThat(page.locator("[data-testid=sample-label]")).hasText("Generated from the source schema");
        assertThat(page.locator("[data-testid=sample-editor]")).containsText("AmazonOrderId");
        assertThat(page.locator("[data-testid=sample-editor]")).containsText("CurrencyCode");
        assertThat(previewOutput(page)).not().hasAttribute("data-state", "pending");
        assertThat(page.locator("[data-testid=output-node][data-path=vendorTxCode]")).hasCount(1);
        assertThat(page.locator("[data-testid=output-node][data-path=currency]")).hasCount(1);
        screenshot("generated");
    }
}
