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
 * sentence ("…: 0 runs in the last 2 h, usually 60"), for a viewer too, with a link to the runs of that window. Weeks
 * of history cannot be run in a test: they are written into the hourly rollups through the app's own database.
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

    @Test
    void twoEmptyHoursAfterFourSteadyWeeksShowAFlagWithItsSentence() {
        String name = "orders polled " + UUID.randomUUID().toString().substring(0, 8);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"")
                .matcher(createdThroughApi("/api/v1/workflows", "{\"name\": \"" + name + "\"}"));
        org.assertj.core.api.Assertions.assertThat(id.find()).isTrue();
        String workflowId = id.group(1);
        OffsetDateTime hour = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        // 30 succeeded runs in every hour of the past four weeks but the last two
        db.execute("""
                insert into run_rollups (hour, workflow_id, status, trigger_kind, error_class, runs, duration_ms_sum,
                                         duration_ms_max, duration_buckets)
                select h, ?::uuid, 'succeeded', 'schedule', '', 30, 30 * 800, 800, array_fill(0, array[64])
                from generate_series(?::timestamptz, ?::timestamptz, interval '1 hour') h""",
                workflowId, hour.minusWeeks(4).toString(), hour.minusHours(3).toString());
        if (users.findByUsername(VIEWER).isEmpty()) {
            users.insert(VIEWER, "Anomaly Watcher", passwords.encode(VIEWER_PASSWORD), Set.of(Role.VIEWER));
        }

        signIn(VIEWER, VIEWER_PASSWORD);
        page.navigate(url("/anomalies?workflow=" + workflowId));
        waitUntilIdle();

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
}
