package dev.junction.backend.dashboard;

import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.rollups.RollupFolder;
import dev.junction.db.workflows.WorkflowRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard read from the daily rollups where they fit is exactly the dashboard read from the hourly rollups
 * alone — tiles, deltas, every chart bucket, p50/p95 from the merged histograms — on generated endings of 70 days,
 * at times just before and after midnight UTC (where a day's row starts and ends) and in the middle of a day. The
 * history lies in 2031, where no other test of the shared database writes, so "all workflows" is compared too.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardFromDailyRollupsTest {

    static final Instant END = Instant.parse("2031-05-20T00:00:00Z");
    static final List<String> RANGES = List.of("1h", "24h", "7d", "30d");
    static final List<Instant> NOWS = List.of(Instant.parse("2031-05-19T00:30:00Z"),
            Instant.parse("2031-05-18T23:59:59Z"), Instant.parse("2031-05-17T12:10:00Z"),
            Instant.parse("2031-05-14T05:00:00Z"));

    static List<UUID> workflows = new ArrayList<>();

    @Autowired
    DashboardService dashboards;

    @BeforeAll
    static void generateHistory(@Autowired DSLContext db, @Autowired RollupFolder folder) {
        WorkflowRepository repository = new WorkflowRepository(db);
        for (int i = 0; i < 3; i++) {
            workflows.add(repository.insert("Daily rollups " + i + " " + UUID.randomUUID(), "", "test")
                    .orElseThrow().id());
        }
        // 6,000 endings over the 70 days before END, one in ten around midnight UTC; statuses, error classes of
        // several categories, durations from 1 ms to an hour
        Random random = new Random(18);
        String[] statuses = {"succeeded", "succeeded", "succeeded", "succeeded", "failed", "dead_lettered",
                "cancelled"};
        String[] errorClasses = {"RateLimited", "Timeout", "AuthenticationFailed", "RemoteValidation", "NotJson"};
        String[] triggers = {"webhook", "schedule"};
        StringBuilder values = new StringBuilder();
        List<Object> binds = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            long secondsBefore = i % 10 == 0
                    ? 86_400L * random.nextInt(70) + random.nextInt(1_200) - 600
                    : (long) random.nextInt(70 * 86_400);
            Instant endedAt = END.minusSeconds(Math.max(1, secondsBefore));
            String status = statuses[random.nextInt(statuses.length)];
            boolean failed = status.equals("failed") || status.equals("dead_lettered");
            values.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?::timestamptz, ?)");
            binds.addAll(Arrays.asList(UUID.randomUUID(), workflows.get(random.nextInt(workflows.size())), status,
                    triggers[random.nextInt(triggers.length)],
                    failed ? errorClasses[random.nextInt(errorClasses.length)] : null,
                    endedAt.atOffset(ZoneOffset.UTC), (long) Math.exp(random.nextDouble() * 15)));
        }
        db.execute("insert into run_endings (run_id, workflow_id, status, trigger_kind, error_class, ended_at,"
                + " duration_ms) values " + values, binds.toArray());
        folder.foldNow();
    }

    @Test
    void everyRangeReadsTheSameFromDailyAndHourlyRollups() {
        List<UUID> scopes = new ArrayList<>(workflows);
        scopes.add(null);
        for (Instant now : NOWS) {
            for (String range : RANGES) {
                for (UUID workflow : scopes) {
                    Dashboard mixed = dashboards.dashboard(range, workflow, now, true);
                    Dashboard hourly = dashboards.dashboard(range, workflow, now, false);
                    assertThat(fromRollups(mixed)).as("%s at %s of %s", range, now, workflow)
                            .isEqualTo(fromRollups(hourly));
                }
            }
        }
        // and the comparison is about something: a month of runs, failures and durations in every bucket
        Dashboard month = dashboards.dashboard("30d", null, NOWS.getFirst());
        assertThat(month.tiles().stream().filter(tile -> tile.id().equals("runs")).findFirst().orElseThrow()
                .value()).isGreaterThan(2_000.0);
        assertThat(month.tiles().stream().filter(tile -> tile.id().equals("failed")).findFirst().orElseThrow()
                .previous()).isGreaterThan(100.0);
        assertThat(month.charts().stream().filter(chart -> chart.id().equals("duration")).findFirst().orElseThrow()
                .series().getLast().values()).doesNotContainNull();
    }

    /**
     * What the dashboard reads from the rollups: the charts and every tile but those read live from the runs,
     * alerts and connections tables (the shared app's health checks and runs left by other tests change those
     * between two reads).
     */
    static Dashboard fromRollups(Dashboard dashboard) {
        return new Dashboard(dashboard.generatedAt(), dashboard.range(), dashboard.tiles().stream()
                .filter(tile -> !LIVE_TILES.contains(tile.id())).toList(), dashboard.charts(), List.of(), List.of());
    }

    static final List<String> LIVE_TILES = List.of("dlq", "oldest-failure-age", "open-alerts",
            "degraded-connections");

    @Test
    void thirtyDaysAreThirtyUtcDaysEndingWithToday() {
        Dashboard month = dashboards.dashboard("30d", null, Instant.parse("2031-05-18T23:59:59Z"));
        assertThat(month.range().to()).isEqualTo(Instant.parse("2031-05-19T00:00:00Z"));
        assertThat(month.range().from()).isEqualTo(Instant.parse("2031-04-19T00:00:00Z"));
        DashboardChart runs = month.charts().getFirst();
        assertThat(runs.x()).hasSize(30).allMatch(x -> x.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay() == 0);
    }
}
