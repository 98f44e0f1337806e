package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Fixtures and steps the sample, preview, schema and save browser tests share (the bottom panel and toolbar). */
final class MapperSamples {

    /** Amazon order → Opayo transaction with every required target filled (so a good sample previews clean). */
    static final String COMPLETE_ORDER_TO_OPAYO = """
            {"schemaVersion": 1,
             "source": {"schema": "sp-api/Order"},
             "target": {"schema": "opayo/TransactionRequest"},
             "rules": [
               {"target": "transactionType", "value": "Payment"},
               {"target": "vendorTxCode", "from": "AmazonOrderId"},
               {"target": "amount", "value": 1999},
               {"target": "currency", "from": "OrderTotal.CurrencyCode"},
               {"target": "description", "value": "Amazon order"},
               {"target": "customerPhone", "from": "ShippingAddress.Phone"}]}""";

    static String order(String orderId, String amount) {
        return """
                {"AmazonOrderId": "%s", "OrderStatus": "Shipped",
                 "OrderTotal": {"CurrencyCode": "GBP", "Amount": "%s"},
                 "ShippingAddress": {"Name": "Ada", "PostalCode": "SW1A 1AA", "Phone": "+44 20 7946 0000"},
                 "BuyerInfo": {"BuyerEmail": "ada@example.com"}}""".formatted(orderId, amount);
    }

    private MapperSamples() {
    }

    static Locator previewOutput(Page page) {
        return page.locator("[data-testid=preview-output]");
    }

    /** Replaces the sample editor's text with {@code json}, as a person pasting it. */
    static void pasteSample(Page page, String json) {
        page.locator("[data-testid=bottom-tab-sample]").click();
        // fill selects the editor's whole text and inserts the new one, as a paste over a selection does; on one line,
        // as a line break typed into CodeMirror is an Enter (new line and indent), not the text's own break
        page.locator("[data-testid=sample-editor] .cm-content").fill(json.replaceAll("\\s*\\n\\s*", " "));
    }

    /** Waits for the preview to settle and answers its output hash. */
    static String settledHash(Page page) {
        assertThat(previewOutput(page)).not().hasAttribute("data-state", "pending");
        return previewOutput(page).getAttribute("data-hash");
    }
}
