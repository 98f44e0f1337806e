package dev.junction.backend.dashboard;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.rollups.RollupFolder;
import dev.junction.backend.runs.RunsApi;
import dev.junction.db.rollups.DurationBuckets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's numbers from rollup rows and runs seeded for a workflow of the test's own (the database is shared
 * with other tests, so every dashboard here is narrowed to it), from real runs, and over REST.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardTest {

    static final Instant NOW = Instant.parse("2026-03-10T10:30:00Z");

    @LocalServerPort
    int port;
    @Autowired
    DashboardService dashboards;
    @Autowired
    DSLContext db;
    @Autowired
    RollupFolder folder;

    private RunsApi api;

    @BeforeEach
    void setUp() {
        api = new RunsApi(ApiClient.anonymous(port).as("admin", "test-admin-password"));
    }

    static final String FAILS_ON_REQUEST = """
            {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}},
             "nodes": [{"id": "check", "type": "script", "name": "Check",
                        "config": {"code": "if (trigger.fail) { throw new Error('refused'); } return trigger;"},
                        "position": {"x": 0, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "check"}]}""";

    private UUID workflow(String name) {
        return UUID.fromString(api.published(name + " " + UUID.randomUUID(), FAILS_ON_REQUEST));
    }

    private void rollup(String hour, UUID workflow, String status, String errorClass, long runs, long millis) {
        long[] histogram = new long[DurationBuckets.COUNT];
        histogram[DurationBuckets.of(millis)] = runs;
        Integer[] buckets = new Integer[DurationBuckets.COUNT];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = (int) histogram[i];
        }
        db.execute("""
                insert into run_rollups (hour, workflow_id, status, trigger_kind, error_class, runs, duration_ms_sum,
                                         duration_ms_max, duration_buckets)
                values (?::timestamptz, ?, ?, 'manual', ?, ?, ?, ?, ?)
                on conflict (hour, workflow_id, status, trigger_kind, error_class) do update set
                    runs = run_rollups.runs + excluded.runs,
                    duration_buckets = add_histograms(run_rollups.duration_buckets, excluded.duration_buckets)""",
                Instant.parse(hour).atOffset(ZoneOffset.UTC), workflow, status, errorClass == null ? "" : errorClass,
                runs, runs * millis, millis, buckets);
        // and its day, as folding adds to both levels
        db.execute("""
                insert into run_rollups_daily (day, workflow_id, status, trigger_kind, error_class, runs,
                                               duration_ms_sum, duration_ms_max, duration_buckets)
                values (date_trunc('day', ?::timestamptz, 'UTC'), ?, ?, 'manual', ?, ?, ?, ?, ?)
                on conflict (day, workflow_id, status, trigger_kind, error_class) do update set
                    runs = run_rollups_daily.runs + excluded.runs,
                    duration_buckets = add_histograms(run_rollups_daily.duration_buckets, excluded.duration_buckets)""",
                Instant.parse(hour).atOffset(ZoneOffset.UTC), workflow, status, errorClass == null ? "" : errorClass,
                runs, runs * millis, millis, buckets);
    }

    private void run(UUID workflow, String status, String created, String finished, String businessKey) {
        db.execute("""
                insert into runs (id, workflow_id, workflow_version, trigger_kind, business_key, status, created_at,
                                  started_at, finished_at)
                values (?, ?, 2, 'manual', ?, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz)""", UUID.randomUUID(), workflow, businessKey, status,
                Instant.parse(created).atOffset(ZoneOffset.UTC),
                status.equals("queued") ? null : Instant.parse(created).atOffset(ZoneOffset.UTC),
                finished == null ? null : Instant.parse(finished).atOffset(ZoneOffset.UTC));
    }

    private static Map<String, DashboardTile> tiles(Dashboard dashboard) {
        return dashboard.tiles().stream().collect(Collectors.toMap(DashboardTile::id, tile -> tile));
    }

    private static DashboardChart chart(Dashboard dashboard, String id) {
        return dashboard.charts().stream().filter(chart -> chart.id().equals(id)).findFirst().orElseThrow();
    }

    private static ChartSeries series(DashboardChart chart, String name) {
        return chart.series().stream().filter(series -> series.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void tilesComparePeriodsOfTheRollupsAndLinkToTheFilteredRuns() {
        UUID workflow = workflow("Dashboard tiles");
        UUID other = workflow("Dashboard other");
        // this period [03-09T11:00, 03-10T11:00): 100 runs, 10 failed; the cancelled runs' 1 ms is not a duration
        rollup("2026-03-10T10:00:00Z", workflow, "succeeded", null, 70, 100);
        rollup("2026-03-10T10:00:00Z", workflow, "succeeded", null, 5, 5_000);
        rollup("2026-03-10T10:00:00Z", workflow, "cancelled", null, 5, 1);
        rollup("2026-03-10T09:00:00Z", workflow, "succeeded", null, 10, 100);
        rollup("2026-03-10T09:00:00Z", workflow, "failed", "RateLimited", 5, 100);
        rollup("2026-03-10T09:00:00Z", workflow, "dead_lettered", "RemoteValidation", 5, 100);
        // the period before [03-08T11:00, 03-09T11:00): 80 runs, 4 failed
        rollup("2026-03-09T05:00:00Z", workflow, "succeeded", null, 76, 100);
        rollup("2026-03-08T11:00:00Z", workflow, "failed", "Timeout", 4, 100);
        // not counted: before the previous period, and another workflow
        rollup("2026-03-08T10:00:00Z", workflow, "succeeded", null, 1_000, 100);
        rollup("2026-03-10T10:00:00Z", other, "failed", "Timeout", 1_000, 100);
        // the dead-letter queue: one run already there at the period's start, two since; a failed run is not in it
        run(workflow, "dead_lettered", "2026-03-07T10:00:00Z", "2026-03-07T10:01:00Z", "AMZ-OLD");
        run(workflow, "dead_lettered", "2026-03-10T09:10:00Z", "2026-03-10T09:11:00Z", null);
        run(workflow, "dead_lettered", "2026-03-10T09:20:00Z", "2026-03-10T09:21:00Z", null);
        run(workflow, "failed", "2026-03-10T09:30:00Z", "2026-03-10T09:31:00Z", null);
        run(workflow, "running", "2026-03-10T10:20:00Z", null, "206-1234567-1234567");
        run(workflow, "queued", "2026-03-10T10:25:00Z", null, null);
        run(other, "running", "2026-03-10T10:26:00Z", null, null);

        Dashboard dashboard = dashboards.dashboard("24h", workflow, NOW);

        assertThat(dashboard.range()).isEqualTo(new DashboardRange("24h", Instant.parse("2026-03-09T11:00:00Z"),
                Instant.parse("2026-03-10T11:00:00Z"), Instant.parse("2026-03-08T11:00:00Z"), workflow));
        Map<String, DashboardTile> tiles = tiles(dashboard);
        String period = "workflow=" + workflow + "&from=2026-03-09T11:00:00Z&to=2026-03-10T11:00:00Z";
        assertThat(tiles.get("runs")).isEqualTo(new DashboardTile("runs", "Runs", 100.0, "100", 80.0, "+25 %",
                "neutral", "runs?" + period));
        assertThat(tiles.get("failed")).isEqualTo(new DashboardTile("failed", "Failed", 10.0, "10", 4.0, "+6", "bad",
                "runs?status=failed,dead_lettered&" + period));
        assertThat(tiles.get("failure-rate")).isEqualTo(new DashboardTile("failure-rate", "Failure rate", 10.0,
                "10.0 %", 5.0, "+5.0 pp", "bad", "runs?status=failed,dead_lettered&" + period));
        long[] durations = new long[DurationBuckets.COUNT];
        durations[DurationBuckets.of(100)] = 90;
        durations[DurationBuckets.of(5_000)] = 5;
        double p95 = Math.round(DurationBuckets.percentile(durations, 0.95));
        assertThat(p95).isBetween(4_500.0, 5_500.0);
        DashboardTile p95Tile = tiles.get("p95-duration");
        assertThat(p95Tile.value()).isEqualTo(p95);
        assertThat(p95Tile.text()).matches("[45]\\.\\d s");
        assertThat(p95Tile.previous()).isBetween(90.0, 110.0);
        assertThat(p95Tile.impact()).isEqualTo("bad");
        assertThat(tiles.get("dlq")).isEqualTo(new DashboardTile("dlq", "Dead-letter queue", 3.0, "3", 1.0, "+2",
                "bad", "runs?status=dead_lettered&workflow=" + workflow));
        // oldest: created 03-07T10:00, 72.5 h old now, 2 d 1 h at the period's start
        assertThat(tiles.get("oldest-failure-age")).isEqualTo(new DashboardTile("oldest-failure-age",
                "Oldest unresolved failure", 261_000_000.0, "3.0 d", 176_400_000.0, "+23.5 h", "bad",
                "runs?status=dead_lettered&workflow=" + workflow));

        DashboardChart byStatus = chart(dashboard, "runs-by-status");
        assertThat(byStatus.kind()).isEqualTo("stacked-bar");
        assertThat(byStatus.bucketSeconds()).isEqualTo(3_600);
        assertThat(byStatus.x()).hasSize(24);
        assertThat(byStatus.x().getFirst()).isEqualTo(Instant.parse("2026-03-09T11:00:00Z"));
        assertThat(byStatus.x().get(22)).isEqualTo(Instant.parse("2026-03-10T09:00:00Z"));
        assertThat(byStatus.series()).extracting(ChartSeries::name)
                .containsExactly("succeeded", "failed", "dead_lettered", "cancelled");
        assertThat(series(byStatus, "succeeded").values().subList(21, 24)).containsExactly(0.0, 10.0, 75.0);
        assertThat(series(byStatus, "failed").values().subList(21, 24)).containsExactly(0.0, 5.0, 0.0);
        assertThat(series(byStatus, "dead_lettered").values().get(22)).isEqualTo(5.0);
        assertThat(series(byStatus, "cancelled").values().get(23)).isEqualTo(5.0);
        assertThat(series(byStatus, "dead_lettered").tone()).isEqualTo("error");
        assertThat(series(byStatus, "failed").link()).isEqualTo("runs?status=failed&workflow=" + workflow);

        DashboardChart byCategory = chart(dashboard, "failures-by-category");
        assertThat(byCategory.series()).extracting(ChartSeries::name).containsExactly("Rate limit", "Validation");
        assertThat(series(byCategory, "Rate limit").values().get(22)).isEqualTo(5.0);
        assertThat(series(byCategory, "Rate limit").values().stream().mapToDouble(Double::doubleValue).sum())
                .isEqualTo(5.0);
        assertThat(series(byCategory, "Rate limit").link())
                .isEqualTo("runs?status=failed,dead_lettered&workflow=" + workflow + "&category=rate_limit");

        DashboardChart duration = chart(dashboard, "duration");
        assertThat(duration.kind()).isEqualTo("line");
        assertThat(series(duration, "p95").values().get(21)).isNull();
        assertThat(series(duration, "p95").values().get(23)).isEqualTo(p95);
        assertThat(series(duration, "p50").values().get(22)).isBetween(90.0, 110.0);

        assertThat(dashboard.inProgress()).extracting(InProgressRun::status).containsExactly("queued", "running");
        assertThat(dashboard.inProgress().get(1).businessKey()).isEqualTo("206-1234567-1234567");
    }

    @Test
    void longerRangesHaveCoarserBuckets() {
        UUID workflow = workflow("Dashboard buckets");
        rollup("2026-03-10T10:00:00Z", workflow, "succeeded", null, 3, 100);
        rollup("2026-03-10T05:00:00Z", workflow, "succeeded", null, 4, 100);
        rollup("2026-03-03T11:00:00Z", workflow, "succeeded", null, 2, 100);

        DashboardChart week = chart(dashboards.dashboard("7d", workflow, NOW), "runs-by-status");
        assertThat(week.bucketSeconds()).isEqualTo(6 * 3_600);
        assertThat(week.x()).hasSize(28);
        assertThat(week.x().getFirst()).isEqualTo(Instant.parse("2026-03-03T11:00:00Z"));
        assertThat(series(week, "succeeded").values().getFirst()).isEqualTo(2.0);
        // 05:00 and 10:00 share the last bucket [05:00, 11:00)
        assertThat(series(week, "succeeded").values().getLast()).isEqualTo(7.0);

        Dashboard month = dashboards.dashboard("30d", workflow, NOW);
        assertThat(chart(month, "runs-by-status").bucketSeconds()).isEqualTo(86_400);
        assertThat(chart(month, "runs-by-status").x()).hasSize(30);
        assertThat(tiles(month).get("runs").value()).isEqualTo(9.0);

        Dashboard hour = dashboards.dashboard("1h", workflow, NOW);
        assertThat(hour.range().from()).isEqualTo(Instant.parse("2026-03-10T10:00:00Z"));
        assertThat(tiles(hour).get("runs").value()).isEqualTo(3.0);
        assertThat(tiles(hour).get("runs").previous()).isEqualTo(0.0);
    }

    @Test
    void realRunsCountOnceTheirEndingsAreFolded() {
        UUID workflow = workflow("Dashboard real runs");
        List<String> runs = List.of(api.start(workflow.toString(), "{}"), api.start(workflow.toString(), "{}"),
                api.start(workflow.toString(), "{}"), api.start(workflow.toString(), "{\"fail\": true}"));
        runs.forEach(api::finished);
        folder.foldNow();

        Map<String, DashboardTile> tiles = tiles(dashboards.dashboard(null, workflow, Instant.now()));

        assertThat(tiles.get("runs").text()).isEqualTo("4");
        assertThat(tiles.get("failed").text()).isEqualTo("1");
        assertThat(tiles.get("failure-rate").text()).isEqualTo("25.0 %");
        assertThat(tiles.get("dlq").value()).isEqualTo(1.0);
    }

    @Test
    void nextScheduledListsTheWorkflowsScheduleFromQuartz() {
        String name = "Dashboard yearly " + UUID.randomUUID();
        UUID workflow = UUID.fromString(api.published(name, """
                {"schemaVersion": 1,
                 "trigger": {"kind": "schedule", "config": {"cron": "0 0 6 1 1 ? 2099", "timeZone": "Europe/London"}},
                 "nodes": [{"id": "seen", "type": "script", "name": "Seen", "config": {"code": "return trigger;"},
                            "position": {"x": 0, "y": 0}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "seen"}]}"""));

        List<ScheduledFiring> next = dashboards.dashboard("24h", workflow, NOW).nextScheduled();

        assertThat(next).containsExactly(new ScheduledFiring(workflow, name, "schedule", "0 0 6 1 1 ? 2099",
                "cron 0 0 6 1 1 ? 2099 (Europe/London)", Instant.parse("2099-01-01T06:00:00Z")));
    }

    @Test
    void theRestEndpointAnswersTheDashboardAndNamesABadRange() {
        UUID workflow = workflow("Dashboard REST");
        ApiClient viewer = api.admin();

        HttpResponse<String> answer = viewer.get("/api/v1/dashboard?range=7d&workflow=" + workflow);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode dashboard = RunsApi.read(answer.body());
        assertThat(dashboard.get("range").get("name").asString()).isEqualTo("7d");
        assertThat(dashboard.get("tiles").findValues("id").stream().map(JsonNode::asString))
                .contains("runs", "failed", "failure-rate", "p95-duration", "dlq", "oldest-failure-age");

        HttpResponse<String> bad = viewer.get("/api/v1/dashboard?range=2d");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = RunsApi.read(bad.body());
        assertThat(problem.get("errors").findValues("field").stream().map(JsonNode::asString)).containsExactly("range");
        assertThat(bad.body()).contains("1h, 24h, 7d, 30d");
    }
}
