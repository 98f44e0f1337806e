package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** MP-13: fuzzy search in both trees (matches and their ancestors only, the match marked), "mapped only", sort. */
class MapperSearchTest extends MapperBrowserTest {

    @Test
    void searchShowsMatchesWithTheirAncestorsAndMarksTheMatch() {
        openMapper(newMapping("Trees search", MapperTreesTest.ORDER_TO_SALESORDER));
        int before = page.locator("[data-testid=target-field]").count();

        page.locator("[data-testid=target-search]").fill("postal");
        assertThat(targetField("shipto_postalcode").locator("mark")).hasText("postal");
        assertThat(page.locator("[data-testid=target-field]").count()).isLessThan(before);
        for (Locator row : page.locator("[data-testid=target-field]").all()) {
            assertThat(row.locator("mark").count()).as(row.getAttribute("data-path") + " is a match").isPositive();
        }
        screenshot("1-postal");

        page.locator("[data-testid=target-search]").fill("productnumber");
        assertThat(targetField("order_details[].productid.productnumber").locator("mark")).hasText("productnumber");
        for (Locator row : page.locator("[data-testid=target-field]").all()) {
            String path = row.getAttribute("data-path");
            boolean match = row.locator("mark").count() > 0;
            boolean ancestor = "order_details".equals(path) || "order_details[].productid".equals(path);
            assertThat(match || ancestor).as(path + " is a match or an ancestor of one").isTrue();
        }
        assertThat(page.locator("[data-testid=target-field]")).hasCount(3);
        assertThat(line("order_details[].productid.productnumber")).hasCount(1);

        page.locator("[data-testid=source-search]").fill("amount");
        assertThat(sourceField("OrderTotal.Amount").locator("mark")).hasText("Amount");
        assertThat(sourceField("OrderTotal")).hasCount(1);
        assertThat(sourceField("AmazonOrderId")).hasCount(0);
        screenshot("2-both");

        page.locator("[data-testid=target-search]").fill("");
        page.locator("[data-testid=source-search]").fill("");
        assertThat(page.locator("[data-testid=target-field]")).hasCount(before);
    }

    @Test
    void mappedOnlyAndSort() {
        openMapper(newMapping("Trees mapped only", MapperTreesTest.ORDER_TO_SALESORDER));
        page.locator("[data-testid=mapped-only]").check();
        assertThat(targetField("ordernumber")).hasCount(0);
        assertThat(targetField("name")).hasCount(1);
        assertThat(targetField("transactioncurrencyid")).hasCount(1);
        assertThat(targetField("transactioncurrencyid.transactioncurrencyid")).hasCount(0);
        assertThat(sourceField("SellerOrderId")).hasCount(0);
        assertThat(sourceField("ShippingAddress.City")).hasCount(1);
        for (Locator row : page.locator("[data-testid=target-field][data-mapped=false]").all()) {
            String path = row.getAttribute("data-path");
            assertThat(page.locator("[data-testid=target-field][data-mapped=true][data-path^='" + path + ".'], "
                    + "[data-testid=target-field][data-mapped=true][data-path^='" + path + "[].']").count())
                    .as(path + " is shown as an ancestor of a mapped row").isPositive();
        }
        screenshot("1-mapped-only");
        page.locator("[data-testid=mapped-only]").uncheck();

        page.locator("[data-testid=tree-sort]").selectOption("az");
        assertThat(page.locator("[data-testid=source-field]").first()).hasAttribute("data-path", "AmazonOrderId");
        assertThat(page.locator("[data-testid=target-field]").first()).hasAttribute("data-path", "_customerid_value");
        page.locator("[data-testid=tree-sort]").selectOption("primitives");
        assertThat(page.locator("[data-testid=target-field]").nth(0)).hasAttribute("data-path", "salesorderid");
        assertThat(Integer.parseInt(targetField("shipto_telephone").getAttribute("data-index")))
                .isLessThan(Integer.parseInt(targetField("transactioncurrencyid").getAttribute("data-index")));
        screenshot("2-sorted");
    }
}
