package dev.junction.e2e;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Settlement reconciliation in the browser: the simulators publish a settlement with known injected discrepancies
 * (and the Opayo payments of its orders); an operator fetches the Amazon sandbox's settlements, reconciles that one
 * against the Opayo sandbox, sees exactly the injected discrepancies' kinds on their orders, resolves one with a
 * note, and downloads journal entries whose debits equal their credits.
 */
class ReconciliationTest extends BrowserTest {

    private static final long SEED = 27;
    private static final Pattern INJECTED = Pattern.compile(
            "\\{\"kind\":\"([A-Z_]+)\",\"orderId\":\"([^\"]*)\"");

    /** The simulators' scenario of {@link #SEED}: its settlement id and the injected discrepancies as "KIND order". */
    private record Scenario(String settlementId, List<String> injected) {
    }

    private Scenario scenario() {
        // ending ten days ago: payments other browser tests make today fall outside its period and tolerance
        String body = "{\"seed\": " + SEED + ", \"orders\": 40, \"endDate\": \""
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(10) + "\"}";
        postThroughApi("/sandbox/opayo/_sandbox/reconciliation-scenario", body, 201);
        String published = postThroughApi("/sandbox/amazon/_sandbox/reconciliation-scenario", body, 201);
        Matcher settlement = Pattern.compile("\"settlementId\":\"(\\d+)\"").matcher(published);
        org.assertj.core.api.Assertions.assertThat(settlement.find()).as(published).isTrue();
        String discrepancies = published.substring(published.indexOf("\"injectedDiscrepancies\""),
                published.indexOf("\"injectedHints\""));
        List<String> injected = new ArrayList<>();
        Matcher item = INJECTED.matcher(discrepancies);
        while (item.find()) {
            injected.add(item.group(1) + " " + item.group(2));
        }
        org.assertj.core.api.Assertions.assertThat(injected).as(published).isNotEmpty();
        return new Scenario(settlement.group(1), injected);
    }

    @Test
    void anOperatorReconcilesASandboxSettlementResolvesADiscrepancyAndDownloadsABalancedJournal() throws IOException {
        Scenario scenario = scenario();
        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/reconciliation"));
        page.locator("#fetch-settlements").waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        assertThat(page.locator("#navigation").getByText("Reconciliation")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(20_000));

        page.locator("#fetch-settlements").click();
        Locator settlement = page.locator("[data-testid=settlement][data-settlement-id='" + scenario.settlementId()
                + "']");
        settlement.waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        assertThat(settlement).hasAttribute("data-status", "not_reconciled");
        screenshot("1-settlements");

        page.locator(".reconcile-settlement[data-settlement-id='" + scenario.settlementId() + "']").click();
        // reconciling polls Opayo's Reporting API day by day over the settlement's period and the weeks before it
        page.locator("[data-testid=run-status]").waitFor(new Locator.WaitForOptions().setTimeout(120_000));
        assertThat(page.locator("[data-testid=run-status]")).hasAttribute("data-status", "discrepancies");
        Locator discrepancies = page.locator("[data-testid=discrepancy]");
        assertThat(discrepancies).hasCount(scenario.injected().size());
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < discrepancies.count(); i++) {
            shown.add(discrepancies.nth(i).getAttribute("data-kind") + " "
                    + discrepancies.nth(i).getAttribute("data-order"));
        }
        org.assertj.core.api.Assertions.assertThat(shown).containsExactlyInAnyOrderElementsOf(scenario.injected());
        assertThat(page.locator("[data-testid=discrepancy][data-status=open]")).hasCount(scenario.injected().size());
        screenshot("2-discrepancies");

        Locator amount = page.locator("[data-testid=discrepancy][data-kind=AMOUNT]");
        String item = amount.getAttribute("data-item");
        page.locator(".resolve-discrepancy[data-item='" + item + "']").click();
        page.locator("#resolve-note textarea").fill("Opayo short-paid; difference booked to bank charges, FIN-77");
        screenshot("3-resolve");
        page.locator("#confirm-resolve").click();
        assertThat(page.locator("[data-testid=discrepancy][data-item='" + item + "']"))
                .hasAttribute("data-status", "resolved");
        assertThat(page.getByText("Opayo short-paid; difference booked to bank charges, FIN-77").first()).isVisible();
        assertThat(page.locator("[data-testid=run-status]")).hasAttribute("data-open",
                String.valueOf(scenario.injected().size() - 1));

        page.locator("#tab-journal").click();
        Locator totals = page.locator("[data-testid=journal-totals]");
        assertThat(totals).hasAttribute("data-balanced", "true");
        org.assertj.core.api.Assertions.assertThat(totals.getAttribute("data-debit-minor"))
                .isEqualTo(totals.getAttribute("data-credit-minor"));
        screenshot("4-journal");

        Download csv = page.waitForDownload(() -> page.locator("#download-journal").click());
        org.assertj.core.api.Assertions.assertThat(csv.suggestedFilename())
                .isEqualTo("journal-" + scenario.settlementId() + ".csv");
        assertBalanced(Files.readString(csv.path()));

        page.locator("#tab-hints").click();
        assertThat(page.locator("[data-testid=fraud-hint]").first()).isVisible();
        screenshot("5-fraud-hints");

        page.navigate(url("/reconciliation"));
        assertThat(settlement).hasAttribute("data-open", String.valueOf(scenario.injected().size() - 1));
        screenshot("6-settlements-after");
    }

    /** Debits equal credits per currency in the CSV, which has lines. */
    private static void assertBalanced(String csv) {
        String[] rows = csv.split("\r\n");
        List<String> header = List.of(rows[0].split(","));
        org.assertj.core.api.Assertions.assertThat(rows.length).as(csv).isGreaterThan(2);
        Map<String, BigDecimal> balance = new TreeMap<>();
        for (int i = 1; i < rows.length; i++) {
            List<String> cells = cells(rows[i]);
            BigDecimal debit = amount(cells.get(header.indexOf("debit")));
            BigDecimal credit = amount(cells.get(header.indexOf("credit")));
            balance.merge(cells.get(header.indexOf("currency")), debit.subtract(credit), BigDecimal::add);
        }
        org.assertj.core.api.Assertions.assertThat(balance).as(csv).isNotEmpty();
        balance.values().forEach(value -> org.assertj.core.api.Assertions.assertThat(value).as(csv)
                .isEqualByComparingTo("0"));
    }

    private static BigDecimal amount(String cell) {
        return cell.isEmpty() ? BigDecimal.ZERO : new BigDecimal(cell);
    }

    /** One RFC 4180 row's cells. */
    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted && c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
