package dev.junction.e2e;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * MP-1's browser benchmark (not part of the default suite: the name does not end in Test; run it with
 * {@code -Dtest=MapperLargeSchemaBenchmark}). A mapping whose target is a generated inline JSON Schema of 5,000
 * fields (100 objects of 49 fields each, every fifth object a list): time from navigation to the first target rows,
 * and from typing a search to its first marked rows (-1: none within 30 s). It records, never asserts on time (the CI machine is shared); see
 * docs/benchmarks.md.
 */
class MapperLargeSchemaBenchmark extends MapperBrowserTest {

    static String generatedSchema(int groups, int fieldsPerGroup) {
        StringBuilder json = new StringBuilder("{\"title\": \"Generated entity\", \"type\": \"object\", \"properties\": {");
        for (int g = 0; g < groups; g++) {
            StringBuilder fields = new StringBuilder();
            for (int f = 0; f < fieldsPerGroup; f++) {
                String type = switch (f % 4) {
                    case 0 -> "string";
                    case 1 -> "integer";
                    case 2 -> "number";
                    default -> "boolean";
                };
                fields.append(f == 0 ? "" : ",").append("\"field_").append(g).append('_').append(f)
                        .append("\": {\"type\": \"").append(type).append("\"}");
            }
            String object = "{\"type\": \"object\", \"properties\": {" + fields + "}}";
            json.append(g == 0 ? "" : ",").append("\"group_").append(g).append("\": ")
                    .append(g % 5 == 0 ? "{\"type\": \"array\", \"items\": " + object + "}" : object);
        }
        return json.append("}}").toString();
    }

    @Override
    void navigateToMapper(String id) {
        page.navigate(url("/mappings/" + id));
        assertThat(page.locator("[data-testid=mapping-editor][data-ready=true]"))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
    }

    @Test
    void fiveThousandFieldTarget() throws Exception {
        String schema = generatedSchema(100, 49);
        String id = newMapping("Large schema", "{\"schemaVersion\": 1, \"source\": {\"schema\": \"sp-api/Order\"},"
                + " \"target\": {\"schema\": " + schema + "}, \"rules\": [{\"target\": \"group_1.field_1_0\", \"from\": \"AmazonOrderId\"}]}");
        openMapper(id);
        assertThat(page.locator("[data-testid=mapper-trees] .mt-count").nth(1)).hasText("5000 fields");

        // Marks, from the first moment of each page, when the editor's element is mounted (waiting for its state)
        // and when the first target row is drawn.
        page.addInitScript("""
                window.__mapperMarks = {};
                new MutationObserver(() => {
                  const marks = window.__mapperMarks;
                  if (!marks.mounted && document.querySelector('[data-testid=mapping-editor]')) marks.mounted = performance.now();
                  if (!marks.rows && document.querySelector('[data-testid=target-field]')) marks.rows = performance.now();
                }).observe(document, { childList: true, subtree: true, attributes: true });""");
        List<Double> firstRows = new ArrayList<>();
        List<Double> mountedToRows = new ArrayList<>();
        List<Double> searches = new ArrayList<>();
        for (int run = 0; run < 7; run++) {
            page.navigate(url("/mappings/" + id));
            Object at = page.waitForFunction("() => document.querySelector('[data-testid=target-field]') ? performance.now() : null",
                    null, new Page.WaitForFunctionOptions().setTimeout(60_000)).jsonValue();
            firstRows.add(((Number) at).doubleValue());
            mountedToRows.add(((Number) page.evaluate("() => window.__mapperMarks.rows - window.__mapperMarks.mounted")).doubleValue());
            Object took = page.evaluate("""
                    () => new Promise((resolve) => {
                      const input = document.querySelector('[data-testid=target-search]');
                      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
                      const start = performance.now();
                      setter.call(input, 'field_99_48');
                      input.dispatchEvent(new Event('input', { bubbles: true }));
                      const deadline = start + 30000;
                      const check = () => document.querySelector('[data-testid=target-field] mark')
                        ? resolve(performance.now() - start)
                        : performance.now() > deadline ? resolve(-1) : requestAnimationFrame(check);
                      requestAnimationFrame(check);
                    })""");
            searches.add(((Number) took).doubleValue());
        }
        screenshot("1-searched");
        firstRows.remove(0); // the first navigation also warms the server's caches and the browser's module cache
        searches.remove(0);
        mountedToRows.remove(0);
        String result = "navigation → first target rows (ms): median %.0f, max %.0f; editor mounted → first target rows (ms): median %.0f, max %.0f; search over 5,000 fields → marked row (ms): median %.0f, max %.0f; runs %s / %s / %s"
                .formatted(median(firstRows), Collections.max(firstRows), median(mountedToRows), Collections.max(mountedToRows), median(searches), Collections.max(searches), firstRows, mountedToRows, searches);
        System.out.println("MapperLargeSchemaBenchmark: " + result);
        Files.writeString(Path.of("target", "mapper-large-schema-benchmark.txt"), result + System.lineSeparator());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
