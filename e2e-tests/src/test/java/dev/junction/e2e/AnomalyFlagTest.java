package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * OPS-8: four weeks of steady hourly runs and then two empty hours are flagged on the Anomalies view with their
 * sentence ("…: 0 runs in the last 2 h, usually 60"), for a viewer too, with a link to the runs of that window; a
 * refund burst is flagged on refund share and its hour-of-week baseline opens with 168 hours. Weeks of history cannot
 * be run in a test: they are written into the hourly rollups through the app's own database.
 */
class AnomalyFlagTest extends BrowserTest {

    private static final String VIEWER = "anomaly-watcher";
    private static final String VIEWER_PASSWORD = "anomaly-watcher-password-1";

    @Autowired
    DSLContext db;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;

    private String workflowNamed(String name) {
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"")
                .matcher(createdThroughApi("/api/v1/workflows", "{\"name\": \"" + name + "\"}"));
        org.assertj.core.api.Assertions.assertThat(id.find()).isTrue();
        return id.group(1);
    }

    /** Signs in as a viewer (every role may read anomalies) and opens the Anomalies view of one workflow. */
    private void openAnomaliesAsViewer(String workflowId) {
        if (users.findByUsername(VIEWER).isEmpty()) {
            users.insert(VIEWER, "Anomaly Watcher", passwords.encode(VIEWER_PASSWORD), Set.of(Role.VIEWER));
        }
        signIn(VIEWER, VIEWER_PASSWORD);
        page.navigate(url("/anomalies?workflow=" + workflowId));
        waitUntilIdle();
    }

    @Test
    void twoEmptyHoursAfterFourSteadyWeeksShowAFlagWithItsSentence() {
        String name = "orders polled " + UUID.randomUUID().toString().substring(0, 8);
        String workflowId = workflowNamed(name);
        OffsetDateTime hour = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        // 30 succeeded runs in every hour of the past four weeks but the last two
        db.execute("""
                insert into run_rollups (hour, workflow_id, status, trigger_kind, error_class, runs, duration_ms_sum,
                                         duration_ms_max, duration_buckets)
                select h, ?::uuid, 'succeeded', 'schedule', '', 30, 30 * 800, 800, array_fill(0, array[64])
                from generate_series(?::timestamptz, ?::timestamptz, interval '1 hour') h""",
                workflowId, hour.minusWeeks(4).toString(), hour.minusHours(3).toString());
        openAnomaliesAsViewer(workflowId);

        Locator flag = page.locator("[data-testid=anomaly-flag][data-workflow='" + workflowId + "']");
        assertThat(flag).hasCount(1);
        assertThat(flag).hasAttribute("data-metric", "volume");
        assertThat(flag).hasAttribute("data-kind", "drop");
        assertThat(flag).containsText(name + ": 0 runs in the last ");
        assertThat(flag).containsText("usually");
        screenshot("flagged");

        flag.locator("[data-testid=anomaly-runs-link]").click();
        page.waitForURL(url -> url.contains("runs?workflow=" + workflowId) && url.contains("from="));
        waitUntilIdle();
        screenshot("runs-of-the-window");
    }

    @Test
    void aRefundBurstIsFlaggedAndItsHourOfWeekBaselineOpensWith168Hours() {
        String name = "card payments " + UUID.randomUUID().toString().substring(0, 8);
        String workflowId = workflowNamed(name);
        OffsetDateTime hour = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        // four weeks of 30 payments an hour: 29 sales of £30 (£870) and one refund of £30, by the hour of the week a
        // little more at midday; in the last two hours 12 of the 30 are refunds
        db.execute("""
                insert into run_rollups (hour, workflow_id, status, trigger_kind, error_class, runs, duration_ms_sum,
                                         duration_ms_max, duration_buckets)
                select h, ?::uuid, 'succeeded', 'webhook', '', 30, 30 * 800, 800, array_fill(0, array[64])
                from generate_series(?::timestamptz, ?::timestamptz, interval '1 hour') h""",
                workflowId, hour.minusWeeks(4).toString(), hour.minusHours(1).toString());
        db.execute("""
                insert into run_amount_rollups (hour, workflow_id, currency, sales, sale_amount, refunds, refund_amount)
                select h, ?::uuid, 'GBP', case when h >= ?::timestamptz then 18 else 29 end,
                       case when h >= ?::timestamptz then 540 else 870 + 10 * extract(hour from h at time zone 'UTC')
                       end,
                       case when h >= ?::timestamptz then 12 else 1 end,
                       case when h >= ?::timestamptz then 360 else 30 end
                from generate_series(?::timestamptz, ?::timestamptz, interval '1 hour') h""",
                workflowId, hour.minusHours(2).toString(), hour.minusHours(2).toString(),
                hour.minusHours(2).toString(), hour.minusHours(2).toString(), hour.minusWeeks(4).toString(),
                hour.minusHours(1).toString());
        openAnomaliesAsViewer(workflowId);

        Locator flag = page.locator("[data-testid=anomaly-flag][data-workflow='" + workflowId + "']");
        assertThat(flag).hasCount(1);
        assertThat(flag).hasAttribute("data-metric", "refund_share");
        assertThat(flag).containsText(name + ": refund share 67 % in the last 2 h");
        assertThat(flag).containsText("usually");
        screenshot("refund-burst-flagged");

        flag.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Baseline of " + name + "'s refund share by hour of the week"))
                .click();
        Locator baseline = page.locator("[data-testid=anomaly-baseline]");
        assertThat(baseline).hasAttribute("data-metric", "refund_share");
        assertThat(baseline).hasAttribute("data-hours", "168");
        assertThat(baseline).hasAttribute("data-flagged-hours", "2");
        assertThat(baseline).hasAttribute("data-first-flagged", "166");
        Locator chart = baseline.locator("[data-testid=chart-anomaly-baseline]");
        assertThat(chart).hasAttribute("data-ready", "true");
        // usual low, median, usual high and actual for each of the 168 hours, and the two flagged hours
        assertThat(chart).hasAttribute("data-points", String.valueOf(4 * 168 + 2));
        screenshot("refund-burst-baseline");
    }
}
