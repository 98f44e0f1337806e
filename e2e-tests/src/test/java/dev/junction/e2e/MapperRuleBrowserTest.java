package dev.junction.e2e;

import com.microsoft.playwright.Locator;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * What the rule panel's browser tests share: an order → sales order fixture with inline schemas, and the store
 * through the editor's documented test hook ({@code window.__mapperStore}, docs/mapper.md) to select a target, set
 * the sample and run the preview the way the live preview does (the same server call), so these tests need neither
 * the trees nor the sample picker.
 */
abstract class MapperRuleBrowserTest extends MapperBrowserTest {

    static final String SOURCE_SCHEMA = """
            {"type": "object", "properties": {
               "AmazonOrderId": {"type": "string"},
               "OrderStatus": {"type": "string"},
               "Phone": {"type": "string"},
               "ShippingAddress": {"type": "object", "properties": {
                 "CountryCode": {"type": "string"}, "City": {"type": "string"}}},
               "OrderItems": {"type": "array", "items": {"type": "object", "properties": {
                 "SellerSKU": {"type": "string"}, "QuantityOrdered": {"type": "integer"}}}}}}""";

    static final String TARGET_SCHEMA = """
            {"type": "object", "properties": {
               "ordernumber": {"type": "string"},
               "country": {"type": "string"},
               "city": {"type": "string"},
               "telephone1": {"type": "string"},
               "statuscode": {"type": "integer"},
               "salesorderdetails": {"type": "array", "items": {"type": "object", "properties": {
                 "productnumber": {"type": "string"}, "quantity": {"type": "integer"}}}}}}""";

    static String mapping(String rules) {
        return "{\"schemaVersion\": 1, \"source\": {\"schema\": " + SOURCE_SCHEMA + "}, \"target\": {\"schema\": "
                + TARGET_SCHEMA + "}, \"rules\": " + rules + "}";
    }

    Locator rulePanel(String target) {
        return page.locator("[data-testid=rule-panel][data-target='" + target + "']");
    }

    Locator step(int index) {
        return page.locator("[data-testid=pipeline-step][data-index='" + index + "']");
    }

    void selectTarget(String path) {
        page.evaluate("path => window.__mapperStore.getState().selectTarget(path)", path);
        assertThat(rulePanel(path)).isVisible();
    }

    /** Sets the sample (JSON text) and previews the working copy on it. */
    void useSample(String json) {
        page.evaluate("json => window.__mapperStore.getState().set({sample: JSON.parse(json), sampleLabel: 'test'})", json);
        previewNow();
    }

    /** Previews the working copy on the sample through the editor's server channel and puts the answer in the store. */
    void previewNow() {
        page.evaluate("async () => { const s = window.__mapperStore.getState();"
                + " const preview = await s.server.preview(s.document, s.sample);"
                + " window.__mapperStore.getState().set({preview}); }");
    }

    /** The preview's output as JSON text. */
    String output() {
        return (String) page.evaluate("() => JSON.stringify(window.__mapperStore.getState().preview.output)");
    }

    /** The working copy's rules as JSON text. */
    String rules() {
        return (String) page.evaluate("() => JSON.stringify(window.__mapperStore.getState().document.rules)");
    }

    /** The working copy's rule for a target tree path ({@code items[].sku} inside a loop) as JSON with sorted keys. */
    String rule(String targetPath) {
        return (String) page.evaluate("""
                path => {
                  const canonical = (v) => Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object'
                      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])])) : v;
                  let rules = window.__mapperStore.getState().document.rules;
                  const levels = path.split('[].');
                  for (const level of levels.slice(0, -1)) rules = rules.find((r) => r.target === level).rules;
                  return JSON.stringify(canonical(rules.find((r) => r.target === levels[levels.length - 1]) ?? null));
                }""", targetPath);
    }

    int historySize() {
        return ((Number) page.evaluate("() => window.__mapperStore.getState().past.length")).intValue();
    }

    /** Adds a function step through the picker: search, then the option. */
    void addStep(String fn) {
        page.locator("[data-testid=add-step]").click();
        Locator picker = page.locator("[data-testid=function-picker]");
        assertThat(picker).isVisible();
        picker.locator("[data-testid=function-search]").fill(fn);
        picker.locator("[data-testid=function-option][data-fn='" + fn + "']").click();
        assertThat(picker).isHidden();
    }

    /** Fills a text input and commits it with Enter. */
    void commit(Locator input, String text) {
        input.fill(text);
        input.press("Enter");
    }
}
