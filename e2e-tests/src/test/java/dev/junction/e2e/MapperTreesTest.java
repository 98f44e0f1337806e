package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.KeyboardModifier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MP-1 and MP-2: the two trees, the lines between them staying on their rows after scrolling both trees, resizing the
 * window and collapsing a parent; mapping by drag, by keyboard only, several sources onto one target; the type-aware
 * drop proposing toMinorUnits with the order's currency.
 */
class MapperTreesTest extends MapperBrowserTest {

    /** An Amazon order → Dataverse sales order mapping with plain rules, a loop and rules inside it. */
    static final String ORDER_TO_SALESORDER = """
            {"schemaVersion": 1,
             "source": {"schema": "sp-api/Order"},
             "target": {"schema": "dataverse/salesorder"},
             "rules": [
               {"target": "name", "from": "AmazonOrderId"},
               {"target": "emailaddress", "from": "BuyerInfo.BuyerEmail"},
               {"target": "submitdate", "from": "PurchaseDate"},
               {"target": "totalamount", "from": "OrderTotal.Amount", "pipe": [{"fn": "toNumber"}]},
               {"target": "transactioncurrencyid.isocurrencycode", "from": "OrderTotal.CurrencyCode"},
               {"target": "shipto_name", "from": "ShippingAddress.Name"},
               {"target": "shipto_line1", "from": "ShippingAddress.AddressLine1"},
               {"target": "shipto_city", "from": "ShippingAddress.City"},
               {"target": "shipto_postalcode", "from": "ShippingAddress.PostalCode"},
               {"target": "shipto_country", "from": "ShippingAddress.CountryCode"},
               {"target": "shipto_telephone", "from": "ShippingAddress.Phone"},
               {"target": "order_details", "forEach": "OrderItems", "rules": [
                 {"target": "quantity", "from": "QuantityOrdered"},
                 {"target": "productdescription", "from": "Title"},
                 {"target": "productid.productnumber", "from": "SellerSKU"},
                 {"target": "priceperunit", "from": "ItemPrice.Amount", "pipe": [{"fn": "toNumber"}]}]}]}""";

    @Test
    void linesStayOnTheirRowsAfterScrollingResizingAndCollapsing() {
        openMapper(newMapping("Trees alignment", ORDER_TO_SALESORDER));
        page.setViewportSize(1600, 1150);
        assertThat(line("name")).hasAttribute("data-source", "AmazonOrderId");
        assertThat(targetField("name")).hasAttribute("data-mapped", "true");
        assertThat(sourceField("AmazonOrderId")).hasAttribute("data-mapped", "true");
        assertThat(sourceField("SellerOrderId")).hasAttribute("data-mapped", "false");
        assertThat(page.locator("[data-testid=field-type][data-path='OrderTotal.Amount']")).hasText("string");
        screenshot("1-opened");
        assertAligned("opened");

        scroll("source-tree", 100_000);
        scroll("target-tree", 100_000);
        assertThat(line("order_details")).hasAttribute("data-source", "OrderItems");
        assertThat(line("order_details[].productid.productnumber")).hasAttribute("data-source", "OrderItems[].SellerSKU");
        assertThat(page.locator("[data-testid=loop-scope][data-target='order_details'][data-side=target]")).hasAttribute("data-source", "OrderItems");
        assertThat(page.locator("[data-testid=loop-scope][data-target='order_details'][data-side=source]")).hasCount(1);
        screenshot("2-bottom");
        assertAligned("scrolled to the bottom");

        scroll("source-tree", 420);
        scroll("target-tree", 260);
        screenshot("3-scrolled");
        assertAligned("after scrolling both trees");

        page.setViewportSize(1300, 1000);
        screenshot("4-resized");
        assertAligned("after resizing the window");

        scroll("source-tree", 0);
        sourceField("ShippingAddress").locator("[data-testid=toggle]").click();
        Locator aggregated = page.locator("[data-testid=map-line][data-source='ShippingAddress']");
        assertThat(aggregated).hasCount(6);
        assertThat(page.locator("[data-testid=map-line][data-source='ShippingAddress'][data-target='shipto_city']"))
                .hasAttribute("data-count", "1");
        assertThat(sourceField("ShippingAddress.City")).hasCount(0);
        page.locator("[data-testid=collapse-all]").click();
        scroll("source-tree", 100_000);
        scroll("target-tree", 100_000);
        Locator collapsedTargets = page.locator("[data-testid=map-line][data-target='order_details']");
        assertThat(collapsedTargets).hasCount(1);
        assertThat(collapsedTargets).hasAttribute("data-count", "5");
        screenshot("5-collapsed");
        assertAligned("after collapsing");
        page.locator("[data-testid=expand-all]").click();
        scroll("source-tree", 0);
        scroll("target-tree", 0);
        assertThat(sourceField("OrderTotal.Amount")).hasCount(1);
        assertAligned("after expanding again");
    }

    @Test
    void mapsByDragByKeyboardAndSeveralSourcesOntoOneTarget() {
        openMapper(newMapping("Trees mapping", """
                {"schemaVersion": 1, "source": {"schema": "sp-api/Order"}, "target": {"schema": "dataverse/salesorder"},
                 "rules": [{"target": "name", "from": "AmazonOrderId"}]}"""));
        assertThat(targetField("salesorderid")).hasAttribute("data-state", "unmapped-required");
        // (the live preview on the empty sample may mark mapped required fields as output errors: not "unmapped")
        assertThat(targetField("name")).not().hasAttribute("data-state", "unmapped-required");

        dragInView(sourceField("SellerOrderId"), targetField("salesorderid"));
        assertThat(line("salesorderid")).hasAttribute("data-source", "SellerOrderId");
        assertThat(targetField("salesorderid").locator("[data-testid=rule-chip]")).hasText("from SellerOrderId");
        assertThat(targetField("salesorderid")).not().hasAttribute("data-state", "unmapped-required");
        screenshot("1-dragged");

        // text onto a number proposes toNumber; "Plain" maps without it
        dragInView(sourceField("OrderTotal.Amount"), targetField("totalamount"));
        assertThat(page.locator("[data-testid=drop-proposal]")).containsText("toNumber");
        screenshot("2-proposal");
        page.locator("[data-testid=proposal-plain]").click();
        assertThat(targetField("totalamount").locator("[data-testid=rule-chip]")).hasText("from OrderTotal.Amount");
        assertThat(targetField("totalamount")).hasAttribute("data-state", java.util.regex.Pattern.compile("warning|error"));

        // keyboard only: Tab into the source tree, arrows, Enter; Tab to the target tree, arrows, Enter
        page.locator("[data-testid=source-search]").focus();
        page.keyboard().press("Tab");
        moveTo("source", "PurchaseDate");
        page.keyboard().press("Enter");
        assertThat(sourceField("PurchaseDate")).hasAttribute("data-selected", "true");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        moveTo("target", "submitdate");
        page.keyboard().press("Enter");
        assertThat(line("submitdate")).hasAttribute("data-source", "PurchaseDate");
        assertThat(targetField("submitdate")).hasAttribute("data-mapped", "true");
        screenshot("3-keyboard");
        page.keyboard().press("Delete");
        assertThat(line("submitdate")).hasCount(0);
        assertThat(targetField("submitdate")).hasAttribute("data-mapped", "false");

        // several sources onto one target: Ctrl-click, then "map here"
        sourceField("ShippingAddress.AddressLine1").click();
        sourceField("ShippingAddress.AddressLine2").click(new Locator.ClickOptions().setModifiers(List.of(KeyboardModifier.CONTROL)));
        targetField("description").hover();
        targetField("description").locator("[data-testid=map-here]").click();
        Locator both = line("description");
        assertThat(both).hasAttribute("data-source", "ShippingAddress.AddressLine1,ShippingAddress.AddressLine2");
        assertThat(targetField("description").locator("[data-testid=rule-chip]"))
                .hasText("from ShippingAddress.AddressLine1 + ShippingAddress.AddressLine2");

        // a list onto a list is a loop; a field inside it reads the element
        page.locator("[data-testid=source-search]").fill("OrderItems");
        page.locator("[data-testid=target-search]").fill("order_details");
        dragInView(sourceField("OrderItems"), targetField("order_details"));
        assertThat(page.locator("[data-testid=loop-scope][data-target='order_details']").first()).hasAttribute("data-source", "OrderItems");
        page.locator("[data-testid=source-search]").fill("Title");
        page.locator("[data-testid=target-search]").fill("productdescription");
        dragInView(sourceField("OrderItems[].Title"), targetField("order_details[].productdescription"));
        assertThat(targetField("order_details[].productdescription").locator("[data-testid=rule-chip]")).hasText("from Title");
        screenshot("4-several-and-loop");
        page.locator("[data-testid=source-search]").fill("");
        page.locator("[data-testid=target-search]").fill("");

        // a line's × removes its rule
        targetField("salesorderid").click();
        page.locator("[data-testid=map-line][data-target='salesorderid'] [data-testid=line-remove]").click();
        assertThat(line("salesorderid")).hasCount(0);
        assertThat(targetField("salesorderid")).hasAttribute("data-state", "unmapped-required");
    }

    @Test
    void moneyTextOntoMinorUnitsProposesToMinorUnitsWithTheCurrency() {
        openMapper(newMapping("Trees minor units", ORDER_TO_OPAYO));
        assertThat(targetField("amount")).hasAttribute("data-state", "unmapped-required");
        dragInView(sourceField("OrderTotal.Amount"), targetField("amount"));
        Locator proposal = page.locator("[data-testid=drop-proposal]");
        assertThat(proposal).containsText("Add toMinorUnits(OrderTotal.CurrencyCode)?");
        screenshot("1-proposal");
        proposal.locator("[data-testid=proposal-accept]").click();
        assertThat(proposal).hasCount(0);
        assertThat(targetField("amount").locator("[data-testid=rule-chip]"))
                .hasText("from OrderTotal.Amount · toMinorUnits(OrderTotal.CurrencyCode)");
        assertThat(line("amount")).hasAttribute("data-source", "OrderTotal.Amount");
        assertThat(targetField("amount")).not().hasAttribute("data-state", "unmapped-required");
        screenshot("2-accepted");
    }

    /** Scrolls both rows into their trees' view (the trees are virtualised and share the page with other panels), then drags. */
    private void dragInView(Locator from, Locator to) {
        from.scrollIntoViewIfNeeded();
        to.scrollIntoViewIfNeeded();
        drag(from, to);
    }

    private void scroll(String tree, int top) {
        page.locator("[data-testid=" + tree + "]").evaluate("(el, top) => { el.scrollTop = top; }", top);
    }

    /**
     * Every line whose ends are on rows in view ends within 4 px of its rows' centres; a line with an end scrolled out
     * of view ends on that pane's edge. Retried for a few frames: the geometry follows the scroll on the next frame.
     */
    private void assertAligned(String when) {
        List<String> problems = List.of("none checked");
        for (int attempt = 0; attempt < 20 && !problems.isEmpty(); attempt++) {
            page.waitForTimeout(100);
            problems = misalignments();
        }
        assertThat(problems).as("lines " + when).isEmpty();
    }

    private List<String> misalignments() {
        List<String> problems = new ArrayList<>();
        BoundingBox sourcePane = page.locator("[data-testid=source-tree]").boundingBox();
        BoundingBox targetPane = page.locator("[data-testid=target-tree]").boundingBox();
        int checked = 0;
        for (Locator line : lines().all()) {
            String source = line.getAttribute("data-source").split(",")[0];
            String target = line.getAttribute("data-target");
            double y1 = Double.parseDouble(line.getAttribute("data-y1"));
            double y2 = Double.parseDouble(line.getAttribute("data-y2"));
            String clipped = line.getAttribute("data-clipped");
            problems.addAll(end("source " + source, sourceField(source), sourcePane, y1, clipped != null && clipped.contains("source")));
            problems.addAll(end("target " + target, targetField(target), targetPane, y2, clipped != null && clipped.contains("target")));
            checked += clipped == null ? 1 : 0;
        }
        if (checked < 3) {
            problems.add("only " + checked + " lines with both rows in view");
        }
        return problems;
    }

    private List<String> end(String name, Locator row, BoundingBox pane, double y, boolean clipped) {
        if (clipped) {
            boolean onEdge = Math.abs(y - pane.y) < 1 || Math.abs(y - (pane.y + pane.height)) < 1;
            return onEdge ? List.of() : List.of(name + " is clipped but ends at " + y + ", not on its pane's edge");
        }
        BoundingBox box = row.boundingBox();
        if (box == null) {
            return List.of(name + " has a line but no row");
        }
        double centre = box.y + box.height / 2;
        return Math.abs(centre - y) < 4 ? List.of() : List.of(name + " ends at " + y + ", its row's centre is " + centre);
    }
}
