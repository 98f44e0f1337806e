package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * OPS-1 in the browser: a fresh workflow with 90 succeeded and 10 failed runs (started through the REST API, the
 * dashboard narrowed to it, since the app is shared) shows 10 failed and a 10.0 % failure rate; the failed tile opens
 * the runs list filtered by the failed statuses; a bar of the runs chart opens the list narrowed to its bucket. An
 * OPERATOR lands on the dashboard after signing in. What the screen reads: whole tile labels at 1280 and 1920 px,
 * legends (one series too) with people's names and the runs list's status colours, a line under each title saying
 * what is plotted, dates on the axes of ranges longer than a day, and no colour on a change that reads as none.
 */
class DashboardTest extends BrowserTest {

    /** This machine is shared and often loaded: a page may take longer than the default 5 s to settle. */
    @org.junit.jupiter.api.BeforeEach
    void patientAssertions() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @org.junit.jupiter.api.AfterEach
    void defaultAssertions() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FAILED = Set.of("failed", "dead_lettered");

    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void seededRunsGiveTheTileNumbersAndTheTilesAndBarsOpenTheFilteredRuns() {
        String name = "Dashboard " + UUID.randomUUID().toString().substring(0, 8);
        String workflowId = publishedWorkflow(name);
        for (int i = 0; i < 100; i++) {
            startedThroughApi(workflowId, i < 90 ? "{\"n\": " + i + "}" : "{\"n\": " + i + ", \"fail\": true}");
        }
        awaitDashboard(workflowId, 100, 10);
        signIn("admin", ADMIN_PASSWORD);

        page.navigate(url("/dashboard?workflow=" + workflowId));
        awaitReady();
        assertThat(page.locator("[data-testid=kpi-runs]")).hasText("100");
        assertThat(page.locator("[data-testid=kpi-failed]")).hasText("10");
        assertThat(page.locator("[data-testid=kpi-failed]")).hasAttribute("data-value", "10");
        assertThat(page.locator("[data-testid=kpi-failure-rate]")).hasText("10.0 %");
        assertThat(page.locator("[data-testid=kpi-failed-delta]")).hasAttribute("data-impact",
                Pattern.compile("good|bad|neutral"));
        Locator stacked = page.locator("figure[data-kind=stacked-bar]").first();
        assertThat(stacked).hasAttribute("data-ready", "true");
        assertThat(stacked).not().hasAttribute("data-points", "0");
        assertThat(page.locator("#dashboard-workflow input")).hasValue(name);
        assertTileLabelsWhole();
        assertThat(page.locator("[data-testid=kpi-dlq-label]")).hasText("Dead-letter queue");
        assertThat(page.locator("[data-testid=kpi-oldest-failure-age-label]")).hasText("Oldest unresolved failure");
        assertNoColourOnAChangeThatReadsAsNone();
        // legends name the statuses as people do, coloured as the runs list's badges; links keep the API's names
        Locator runsLegend = page.locator("[data-testid=chart-runs-by-status] [data-testid=legend-item]");
        assertThat(runsLegend.filter(new Locator.FilterOptions().setHasText("Succeeded")))
                .hasAttribute("data-tone", "success");
        assertThat(runsLegend.filter(new Locator.FilterOptions().setHasText("Dead-lettered")))
                .hasAttribute("data-tone", "error");
        assertThat(runsLegend.filter(new Locator.FilterOptions().setHasText(Pattern.compile("_")))).hasCount(0);
        assertThat(page.locator("[data-testid=chart-duration] [data-testid=legend-item]").first())
                .hasText("p50 (median)");
        // a chart of one series has its legend too, and every chart says what it plots per bucket
        assertThat(page.locator("[data-testid=chart-failures-by-category] [data-testid=legend-item]")).hasCount(1);
        assertThat(page.locator("[data-testid=chart-runs-by-status] [data-testid=chart-subtitle]"))
                .hasText("Runs per hour");
        assertThat(page.locator("[data-testid=chart-runs-by-status]")).hasAttribute("data-axis", "time");
        screenshot("1-dashboard");

        page.setViewportSize(1920, 1080);
        assertTileLabelsWhole();
        screenshot("1-dashboard-1920");
        page.setViewportSize(1280, 800);

        page.locator("[data-testid=kpi-failed]").click();
        assertThat(page).hasURL(Pattern.compile(".*/runs\\?.*status=(dead_lettered(,|%2C)failed|failed(,|%2C)dead_lettered).*"));
        // the list counts the workflow's 10 failed runs; the grid draws only the rows in its viewport
        assertThat(page.locator("#runs-count")).hasAttribute("data-count", "10");
        assertEveryRowFailed();
        screenshot("2-failed-runs");

        page.navigate(url("/dashboard?workflow=" + workflowId + "&range=1h"));
        awaitReady();
        assertThat(page.locator("[data-testid=range-1h]")).hasAttribute("aria-pressed", "true");
        clickFailedBar(stacked);
        assertThat(page).hasURL(Pattern.compile(".*/runs\\?.*from=[^&]+.*"));
        assertThat(page).hasURL(Pattern.compile(".*/runs\\?.*to=[^&]+.*"));
        assertThat(page).hasURL(Pattern.compile(".*/runs\\?.*status=[a-z_,%2C]*(failed|dead_lettered).*"));
        assertEveryRowFailed();
        screenshot("3-bar-clicked");
    }

    @Test
    void anOperatorLandsOnTheDashboardAndADesignerOnTheWorkflows() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        users.insert("olga-" + suffix, "Olga Operator", passwords.encode("olga-e2e-password"), Set.of(Role.OPERATOR));
        users.insert("dora-" + suffix, "Dora Designer", passwords.encode("dora-e2e-password"), Set.of(Role.DESIGNER));

        signIn("olga-" + suffix, "olga-e2e-password");
        // the forward renders the whole dashboard first: give it the context's time on a loaded machine
        assertThat(page).hasURL(Pattern.compile(".*/dashboard(\\?.*)?$"),
                new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions().setTimeout(20_000));
        awaitReady();
        assertThat(page.locator("#navigation")).containsText("Dashboard");
        page.locator("#auto-refresh").click();
        assertThat(page.locator("#auto-refresh")).hasAttribute("data-state", "paused");
        page.locator("[data-testid=range-7d]").click();
        assertThat(page).hasURL(Pattern.compile(".*/dashboard\\?range=7d$"));
        awaitReady();
        // seven days of 6-hour buckets: the axis names the day as well as the time
        Locator week = page.locator("[data-testid=chart-runs-by-status]");
        assertThat(week).hasAttribute("data-axis", "date-time");
        assertThat(week.locator("[data-testid=chart-subtitle]")).hasText("Runs per 6 hours");
        assertAxisNamesDays(week);
        assertNoColourOnAChangeThatReadsAsNone();
        assertTileLabelsWhole();
        screenshot("operator-home");

        page.locator("[data-testid=range-30d]").click();
        assertThat(page).hasURL(Pattern.compile(".*/dashboard\\?range=30d$"));
        assertThat(week).hasAttribute("data-axis", "date");
        assertAxisNamesDays(week);
        screenshot("operator-30d");

        context.clearCookies();
        signIn("dora-" + suffix, "dora-e2e-password");
        assertThat(page).hasURL(Pattern.compile(".*/workflows$"));
    }

    /** No tile label is cut off: each shows its whole text within its box (wrapped where the tile is narrow). */
    @SuppressWarnings("unchecked")
    private void assertTileLabelsWhole() {
        Locator labels = page.locator("#kpi-tiles .kpi-label");
        labels.first().waitFor();
        List<String> cut = (List<String>) labels.evaluateAll("""
                all => all.filter(label => label.scrollWidth > label.clientWidth + 1
                        || label.scrollHeight > label.clientHeight + 1
                        || getComputedStyle(label).textOverflow === 'ellipsis')
                    .map(label => label.textContent)""");
        org.assertj.core.api.Assertions.assertThat(cut).as("tile labels cut off").isEmpty();
    }

    /** Every change that reads as none ("±0", "±0.0 pp") is neutral (grey), never good or bad. */
    @SuppressWarnings("unchecked")
    private void assertNoColourOnAChangeThatReadsAsNone() {
        List<String> coloured = (List<String>) page.locator("#kpi-tiles [data-impact]").evaluateAll("""
                all => all.filter(delta => delta.textContent.trim().startsWith('±')
                        && delta.getAttribute('data-impact') !== 'neutral')
                    .map(delta => delta.getAttribute('data-testid') + ' ' + delta.textContent)""");
        org.assertj.core.api.Assertions.assertThat(coloured).as("changes reading as none but coloured").isEmpty();
    }

    /** The chart's x axis (what ECharts drew) names days: "7 Dec" in en-GB. */
    @SuppressWarnings("unchecked")
    private void assertAxisNamesDays(Locator chart) {
        assertThat(chart).hasAttribute("data-ready", "true");
        List<String> texts = (List<String>) chart.locator(".junction-chart-canvas svg text").evaluateAll(
                "all => all.map(text => text.textContent)");
        org.assertj.core.api.Assertions.assertThat(texts).as("axis labels")
                .anyMatch(text -> text.matches(".*\\b\\d{1,2} [A-Z][a-z]{2,3}\\b.*"));
    }

    private void awaitReady() {
        page.locator("[data-testid=dashboard-ready]").waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.ATTACHED));
    }

    /** Every row the runs grid shows has a failed status (and there is at least one; the list writes it upper case). */
    private void assertEveryRowFailed() {
        Locator statuses = page.locator("#runs vaadin-grid-cell-content [data-status]");
        statuses.first().waitFor();
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) statuses.evaluateAll("all => all.map(e => e.getAttribute('data-status'))");
        org.assertj.core.api.Assertions.assertThat(shown).isNotEmpty()
                .allMatch(status -> FAILED.contains(status.toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * Clicks the failed series' bar of the latest bucket with failures: the series and bucket are read from the
     * chart's table alternative, the place from the chart itself.
     */
    @SuppressWarnings("unchecked")
    private void clickFailedBar(Locator chart) {
        List<Number> at = (List<Number>) chart.evaluate("""
                figure => {
                  const names = [...figure.querySelectorAll('thead th')].slice(1).map(th => th.textContent);
                  const rows = [...figure.querySelectorAll('tbody tr')];
                  for (let series = 0; series < names.length; series++) {
                    if (!/fail|dead/i.test(names[series])) continue;
                    for (let bucket = rows.length - 1; bucket >= 0; bucket--) {
                      const text = rows[bucket].querySelectorAll('td')[series].textContent;
                      if (text !== '–' && text !== '0') {
                        return [series, bucket, ...figure.querySelector('.junction-chart-canvas').pointOf(series, bucket)];
                      }
                    }
                  }
                  return [-1, -1, 0, 0];
                }""");
        org.assertj.core.api.Assertions.assertThat(at.get(0).intValue()).as("a failed series").isGreaterThanOrEqualTo(0);
        org.assertj.core.api.Assertions.assertThat(at.get(1).intValue()).as("a bucket with failures").isGreaterThanOrEqualTo(0);
        BoundingBox canvas = chart.locator(".junction-chart-canvas").boundingBox();
        page.mouse().click(canvas.x + at.get(2).doubleValue(), canvas.y + at.get(3).doubleValue());
    }

    /** Waits until the dashboard API (what the page reads) counts the runs ended: rollups are folded every 2 s. */
    private void awaitDashboard(String workflowId, int runs, int failed) {
        Polling.until("the dashboard counting " + runs + " runs, " + failed + " failed", Duration.ofSeconds(180),
                Duration.ofMillis(500), () -> AdminReads.get(port, "/api/v1/dashboard?range=24h&workflow=" + workflowId),
                body -> {
                    JsonNode tiles = JSON.readTree(body).path("tiles");
                    return tile(tiles, "runs") == runs && tile(tiles, "failed") == failed;
                });
    }

    private static double tile(JsonNode tiles, String id) {
        for (JsonNode tile : tiles) {
            if (id.equals(tile.path("id").asString())) {
                return tile.path("value").asDouble(-1);
            }
        }
        return -1;
    }

    private String publishedWorkflow(String name) {
        String id = workflowWithDefinition(name, RunsViewTest.DEFINITION);
        postThroughApi("/api/v1/workflows/" + id + "/versions/2/publish", "", 200);
        return id;
    }

    private void startedThroughApi(String workflowId, String input) {
        postThroughApi("/api/v1/workflows/" + workflowId + "/runs", "{\"input\": " + input + "}", 202);
    }
}
