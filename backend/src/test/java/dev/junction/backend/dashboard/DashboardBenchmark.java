package dev.junction.backend.dashboard;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.db.rollups.RunRollups;
import dev.junction.db.runs.RunFilter;
import dev.junction.db.runs.RunQueries;
import org.jooq.DSLContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Server time of the dashboard and the runs list on a large database (not a test): starts the backend on the
 * embedded PostgreSQL of a data directory filled by {@code RunGenerator --data-dir <dir>} and times, {@code calls}
 * times each (after as many warm-up calls): {@link DashboardService} directly and {@code GET /api/v1/dashboard}
 * (24h, 7d, 30d; all workflows and one), the first page of {@code GET /api/v1/runs}, and a business-key search.
 * Arguments: {@code <data dir> [calls]}. See docs/benchmarks.md ("Ops data").
 */
public final class DashboardBenchmark {

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String dataDir = args[0];
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        ConfigurableApplicationContext app = SpringApplication.run(BackendTestApplication.class,
                "--junction.data-dir=" + dataDir, "--junction.db.embedded.fresh=false",
                "--junction.admin.password=benchmark-admin", "--server.port=0", "--logging.level.root=warn");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            // an API token, not a password: HTTP Basic costs a password hash per request (by design)
            HttpResponse<String> token = ApiClient.anonymous(port).as("admin", "benchmark-admin")
                    .post("/api/v1/tokens", "{\"name\": \"benchmark " + UUID.randomUUID() + "\"}");
            String bearer = tools.jackson.databind.json.JsonMapper.builder().build().readTree(ok(token, 201))
                    .get("token").asString();
            ApiClient admin = new ApiClient(java.net.http.HttpClient.newHttpClient(), "http://localhost:" + port,
                    "Bearer " + bearer);
            DSLContext db = app.getBean(DSLContext.class);
            DashboardService dashboards = app.getBean(DashboardService.class);
            RunQueries runs = new RunQueries(db);
            System.out.printf("machine: %d cores, %s, %s; runs in the database: %,d; rollup rows: %,d hourly,"
                            + " %,d daily%n", Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
                    System.getProperty("java.vm.version"), db.fetchValue("select count(*) from runs"),
                    db.fetchValue("select count(*) from run_rollups"),
                    db.fetchValue("select count(*) from run_rollups_daily"));
            System.out.printf("daily rows that differ from the sum of their hours: %s%n", db.fetchValue("""
                    select count(*) from (
                        select date_trunc('day', hour, 'UTC') as day, workflow_id, status, trigger_kind, error_class,
                               sum(runs) as runs, sum_histograms(duration_buckets) as buckets
                        from run_rollups group by 1, 2, 3, 4, 5) h
                    full join run_rollups_daily d using (day, workflow_id, status, trigger_kind, error_class)
                    where h.runs is distinct from d.runs or h.buckets is distinct from d.duration_buckets"""));
            UUID busiest = db.fetchOne("select workflow_id from runs group by 1 order by count(*) desc limit 1")
                    .get(0, UUID.class);
            String businessKey = db.fetchOne("select business_key from runs where status = 'dead_lettered'"
                    + " order by created_at limit 1").get(0, String.class);
            RunRollups rollups = app.getBean(RunRollups.class);
            for (int hours : List.of(48, 14 * 24, 60 * 24)) {
                time("RunRollups.hours, " + hours + " h, all workflows", calls, () -> rollups.hours(
                        OffsetDateTime.now().minusHours(hours), OffsetDateTime.now().plusHours(1), null));
            }
            for (int days : List.of(14, 60)) {
                time("RunRollups.covering, " + days + " days, all workflows", calls, () -> rollups.covering(
                        RunRollups.startOfDay(OffsetDateTime.now()).minusDays(days - 1),
                        RunRollups.startOfDay(OffsetDateTime.now()).plusDays(1), null));
            }
            time("dead-lettered runs now and a day ago (SQL)", calls, () -> db.fetch("""
                    select (select count(*) from runs where status = 'dead_lettered'),
                           (select count(*) from runs where status = 'dead_lettered'
                            and finished_at < now() - interval '1 day')"""));
            // the same call read from hourly rollups alone and with the daily ones, alternately (same load)
            for (String range : List.of("7d", "30d")) {
                compare("DashboardService " + range + ", all workflows", calls,
                        () -> dashboards.dashboard(range, null, Instant.now(), false),
                        () -> dashboards.dashboard(range, null, Instant.now(), true));
            }
            for (String range : List.of("24h", "7d", "30d")) {
                time("DashboardService " + range + ", all workflows", calls,
                        () -> dashboards.dashboard(range, null, Instant.now()));
                time("DashboardService " + range + ", one workflow", calls,
                        () -> dashboards.dashboard(range, busiest, Instant.now()));
                time("GET /api/v1/dashboard?range=" + range, calls,
                        () -> ok(admin.get("/api/v1/dashboard?range=" + range)));
            }
            time("RunQueries.list first page (50), no filter", calls, () -> runs.list(RunFilter.all(), null, 50));
            time("GET /api/v1/runs (first page of 50)", calls, () -> ok(admin.get("/api/v1/runs")));
            time("GET /api/v1/runs?status=dead_lettered,failed", calls,
                    () -> ok(admin.get("/api/v1/runs?status=dead_lettered,failed")));
            time("GET /api/v1/runs?businessKey=" + businessKey, calls, () -> ok(admin.get("/api/v1/runs?businessKey="
                    + URLEncoder.encode(businessKey, StandardCharsets.UTF_8))));
        } finally {
            app.close();
        }
    }

    private static Object ok(HttpResponse<String> response) {
        return ok(response, 200);
    }

    private static String ok(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** Times {@code hourly} and {@code daily} alternately, {@code calls} times each after as many warm-ups. */
    private static void compare(String what, int calls, Callable<Object> hourly, Callable<Object> daily)
            throws Exception {
        for (int i = 0; i < calls; i++) {
            hourly.call();
            daily.call();
        }
        List<Double> hourlyMillis = new ArrayList<>();
        List<Double> dailyMillis = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            hourly.call();
            hourlyMillis.add((System.nanoTime() - started) / 1e6);
            started = System.nanoTime();
            daily.call();
            dailyMillis.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(hourlyMillis);
        Collections.sort(dailyMillis);
        System.out.printf("%-60s median %6.1f ms  p95 %6.1f ms (hourly rollups only)%n", what,
                hourlyMillis.get(calls / 2), hourlyMillis.get((int) Math.ceil(calls * 0.95) - 1));
        System.out.printf("%-60s median %6.1f ms  p95 %6.1f ms (daily where whole days)%n", what,
                dailyMillis.get(calls / 2), dailyMillis.get((int) Math.ceil(calls * 0.95) - 1));
    }

    private static void time(String what, int calls, Callable<Object> call) throws Exception {
        for (int i = 0; i < calls; i++) {
            call.call();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            call.call();
            millis.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("%-60s median %6.1f ms  p95 %6.1f ms  max %6.1f ms%n", what, millis.get(calls / 2),
                millis.get((int) Math.ceil(calls * 0.95) - 1), millis.getLast());
    }
}
