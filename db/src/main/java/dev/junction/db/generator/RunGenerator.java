package dev.junction.db.generator;

import dev.junction.db.embedded.EmbeddedDatabase;
import org.flywaydb.core.Flyway;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fills a Junction database with generated run history for benchmarks and large-volume tests: {@code runs} runs
 * (default 1,000,000) of {@code workflows} workflows (default 20, created as "Generated …") over the {@code days}
 * days (default 60) before the current hour, with a diurnal and weekly volume pattern, realistic statuses (per
 * workflow 1–5 % failing, half of those dead-lettered; 0.5 % cancelled; the last 15 minutes partly queued, running
 * or waiting), error classes and messages, business keys (Amazon order ids, Opayo VendorTxCodes, Sage sales order
 * numbers) and durations (log-normal per workflow) — and the matching rollups, as if every ending had been folded
 * ({@code run_rollups} and the daily {@code run_rollups_daily}, added to whatever is there). Everything is set-based SQL ({@code generate_series}); no step
 * rows and no payloads beyond a small input are made. See docs/benchmarks.md ("Ops data").
 *
 * <p>Run it on an app's database by JDBC URL, or on an embedded PostgreSQL data directory the app can then start on
 * ({@code JUNCTION_DATA_DIR}): see {@link #main}.
 */
public final class RunGenerator {

    /** What to generate. {@code seed} makes the same history again (0…1). */
    public record Plan(long runs, int workflows, int days, Instant end, double seed) {

        public static Plan of(long runs) {
            return new Plan(runs, 20, 60, Instant.now().truncatedTo(ChronoUnit.HOURS), 0.42);
        }
    }

    /** What was generated: the workflows (ids) and how long it took. */
    public record Result(List<UUID> workflowIds, long runs, long millis) {
    }

    private static final String[] FLOWS = {"Amazon orders to Sage", "Opayo payments to Sage", "Sage stock to Amazon",
            "Amazon settlements", "Opayo refunds", "Sage invoices to e-mail", "Amazon returns", "Price sync"};

    private RunGenerator() {
    }

    /**
     * Generates {@code plan} into the database of {@code connection} (in one transaction of its own; the
     * connection's auto-commit is restored afterwards).
     */
    public static Result generate(Connection connection, Plan plan) throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement sql = connection.createStatement()) {
            sql.execute("set local time zone 'UTC'");
            sql.execute("select setseed(" + plan.seed() + ")");
            List<UUID> workflows = workflows(connection, plan.workflows());
            try (PreparedStatement generated = connection.prepareStatement(GENERATE_RUNS)) {
                generated.setArray(1, connection.createArrayOf("uuid", workflows.toArray()));
                generated.setObject(2, plan.end().atOffset(java.time.ZoneOffset.UTC));
                generated.setInt(3, plan.days());
                generated.setLong(4, plan.runs());
                generated.execute();
            }
            sql.execute(INSERT_RUNS);
            sql.execute(FOLD_INTO_ROLLUPS.formatted("run_rollups", "hour", "hour"));
            sql.execute(FOLD_INTO_ROLLUPS.formatted("run_rollups_daily", "day", "day"));
            sql.execute("drop table generated_runs");
            connection.commit();
            sql.execute("analyze runs");
            sql.execute("analyze run_rollups");
            sql.execute("analyze run_rollups_daily");
            return new Result(workflows, plan.runs(), (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static List<UUID> workflows(Connection connection, int count) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("""
                with made as (
                    insert into workflows (name, description, created_by, updated_by, latest_version,
                                           published_version)
                    values (?, 'Generated run history (RunGenerator)', 'generator', 'generator', 1, 1)
                    returning id)
                insert into workflow_versions (workflow_id, version, definition, created_by)
                select id, 1, '{"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position":
                    {"x": 0, "y": 0}}, "nodes": [], "edges": []}'::jsonb, 'generator' from made
                returning workflow_id""")) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < count; i++) {
                insert.setString(1, "Generated " + FLOWS[i % FLOWS.length] + " " + (i + 1) + " (" + suffix + ")");
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    ids.add(row.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /*
     * Runs per hour follow weight(hour of day) × weight(day of week); each hour gets floor(N·cum_hi) −
     * floor(N·cum_lo) runs, so that they add up to exactly N. Workflow k (0-based) is drawn with a skew (the first
     * ones busiest); its trigger kind, failure rate, typical duration and business key follow from k.
     */
    private static final String GENERATE_RUNS = """
            create temp table generated_runs on commit drop as
            with params as (select ?::uuid[] as flows, ?::timestamptz as period_end, ?::int as days, ?::bigint as n),
            hours as (
                select h, (0.15 + exp(-power((extract(hour from h) - 11) / 4.5, 2))
                              + 0.5 * exp(-power((extract(hour from h) - 20) / 2.5, 2)))
                          * (case extract(isodow from h) when 6 then 0.55 when 7 then 0.45 else 1.0 end) as w
                from params, generate_series(period_end - make_interval(days => days), period_end - interval '1 hour',
                                             interval '1 hour') h),
            cumulative as (
                select h, sum(w) over (order by h) / sum(w) over () as hi,
                       (sum(w) over (order by h) - w) / sum(w) over () as lo
                from hours),
            per_hour as (
                select h, (floor(n * hi) - floor(n * lo))::int as runs from cumulative, params),
            drawn as (
                select h + random() * interval '1 hour' as created_at,
                       least(cardinality(flows) - 1, floor(power(random(), 1.6) * cardinality(flows)))::int as k,
                       random() as status_draw, random() as class_draw, random() as u1, random() as u2,
                       row_number() over () as i
                from per_hour cross join lateral generate_series(1, per_hour.runs) cross join params),
            shaped as (
                select d.*, flows[k + 1] as workflow_id,
                       (array['webhook', 'polling', 'schedule', 'webhook', 'polling', 'manual', 'webhook',
                              'schedule'])[k % 8 + 1] as trigger_kind,
                       0.01 + 0.01 * (k % 5) as failure_rate,
                       (120 * (1 + k % 7)) * exp(0.6 * sqrt(-2 * ln(greatest(u1, 1e-12))) * cos(2 * pi() * u2))
                           as typical_ms,
                       period_end
                from drawn d, params),
            statused as (
                select s.*,
                       case when created_at > period_end - interval '15 minutes' and status_draw < 0.3 then
                                (array['queued', 'running', 'waiting'])[1 + floor(status_draw * 10)::int]
                            when status_draw < failure_rate / 2 then 'failed'
                            when status_draw < failure_rate then 'dead_lettered'
                            when status_draw > 0.995 then 'cancelled'
                            else 'succeeded' end as status,
                       least(9, floor(power(class_draw, 2.2) * 10))::int as class_index
                from shaped s)
            select gen_random_uuid() as id, workflow_id, trigger_kind, status,
                   case k % 3
                       when 0 then format('%s-%s-%s', 202 + i % 7, lpad(((i * 48271) % 9999991)::text, 7, '0'),
                                          lpad((i % 10000000)::text, 7, '0'))
                       when 1 then format('VTX-%s-%s', to_char(created_at, 'YYYYMMDD'),
                                          lpad((i % 100000000)::text, 8, '0'))
                       else format('SO-%s', lpad((i % 100000000)::text, 8, '0')) end as business_key,
                   case when status in ('failed', 'dead_lettered') then (array['RateLimited', 'RemoteValidation',
                       'Timeout', 'RemoteUnavailable', 'AuthenticationFailed', 'NotFound', 'DuplicateVendorTxCode',
                       'NotJson', 'ConnectionRefused', 'ResponseTooLarge'])[class_index + 1] end as error_class,
                   case when status in ('failed', 'dead_lettered') then (array[
                       'SP-API answered 429 QuotaExceeded: You exceeded your quota for the requested resource.',
                       'Sage answered 422: customer account ' || (i % 900 + 100) || ' is on stop',
                       'the remote did not answer within 30 s',
                       'Opayo answered 503: service temporarily unavailable',
                       'SP-API answered 403: the access token is invalid or expired',
                       'Sage answered 404: product SKU-' || (i % 5000) || ' not found',
                       'Opayo answered 4042: the VendorTxCode has been used before',
                       'the answer is not JSON: <html><body>Gateway Timeout</body></html>',
                       'connection refused by the remote',
                       'the answer is over 10 MB'])[class_index + 1] end as error_message,
                   case when status in ('failed', 'dead_lettered') then (array['send', 'lookup', 'map'])[1 + i % 3]
                       end as failed_node_id,
                   created_at,
                   case when status = 'queued' then null else created_at + random() * interval '200 milliseconds'
                       end as started_at,
                   greatest(1, round(typical_ms * case when status in ('failed', 'dead_lettered') then 3 else 1 end))
                       ::bigint as duration_ms
            from statused""";

    private static final String INSERT_RUNS = """
            insert into runs (id, workflow_id, workflow_version, trigger_kind, business_key, status, input, input_size,
                              error_class, error_message, failed_node_id, created_at, started_at, finished_at,
                              updated_at)
            select id, workflow_id, 1, trigger_kind, business_key, status,
                   jsonb_build_object('businessKey', business_key), 40, error_class, error_message, failed_node_id,
                   created_at, started_at,
                   case when status in ('queued', 'running', 'waiting') then null
                        else started_at + duration_ms * interval '1 millisecond' end,
                   coalesce(started_at + duration_ms * interval '1 millisecond', created_at)
            from generated_runs order by created_at""";

    /**
     * The endings as RunRollups.fold would add them: per hour (or UTC day) of the end, workflow, status, trigger,
     * error class. Formatted with the table, its time column and the unit ({@code hour}, {@code day}).
     */
    private static final String FOLD_INTO_ROLLUPS = """
            with ended as (
                select date_trunc('%3$s', started_at + duration_ms * interval '1 millisecond', 'UTC') as period,
                       workflow_id, status, trigger_kind, coalesce(error_class, '') as error_class, duration_ms,
                       least(63, floor(4 * ln(1 + duration_ms) / ln(2)))::int as bucket
                from generated_runs where status not in ('queued', 'running', 'waiting')),
            by_bucket as (
                select period, workflow_id, status, trigger_kind, error_class, bucket, count(*) as runs,
                       sum(duration_ms) as duration_sum, max(duration_ms) as duration_max
                from ended group by 1, 2, 3, 4, 5, 6),
            by_key as (
                select period, workflow_id, status, trigger_kind, error_class, sum(runs) as runs,
                       sum(duration_sum) as duration_sum, max(duration_max) as duration_max,
                       array_agg(bucket) as buckets, array_agg(runs) as counts
                from by_bucket group by 1, 2, 3, 4, 5)
            insert into %1$s (%2$s, workflow_id, status, trigger_kind, error_class, runs, duration_ms_sum,
                              duration_ms_max, duration_buckets)
            select period, workflow_id, status, trigger_kind, error_class, runs, duration_sum, duration_max,
                   (select array_agg(coalesce(counts[array_position(buckets, b)], 0)::int order by b)
                    from generate_series(0, 63) b)
            from by_key
            on conflict (%2$s, workflow_id, status, trigger_kind, error_class) do update set
                runs = %1$s.runs + excluded.runs,
                duration_ms_sum = %1$s.duration_ms_sum + excluded.duration_ms_sum,
                duration_ms_max = greatest(%1$s.duration_ms_max, excluded.duration_ms_max),
                duration_buckets = add_histograms(%1$s.duration_buckets, excluded.duration_buckets)""";

    /**
     * {@code RunGenerator <jdbc-url> <user> <password> [runs]} fills that database (migrated already, e.g. by an
     * app that ran on it); {@code RunGenerator --data-dir <dir> [runs]} starts (or creates) an embedded PostgreSQL
     * in {@code <dir>/pgdata} — where an app started with {@code JUNCTION_DATA_DIR=<dir>} finds it — migrates it,
     * fills it and stops it.
     */
    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("--data-dir")) {
            long runs = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000;
            try (EmbeddedDatabase database = EmbeddedDatabase.startKeeping(Path.of(args[1]).resolve("pgdata"))) {
                Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
                        .locations("classpath:db/migration").load().migrate();
                run(database.jdbcUrl(), database.user(), database.password(), runs);
            }
        } else if (args.length >= 3) {
            run(args[0], args[1], args[2], args.length > 3 ? Long.parseLong(args[3]) : 1_000_000);
        } else {
            System.err.println("usage: RunGenerator <jdbc-url> <user> <password> [runs]"
                    + " | RunGenerator --data-dir <dir> [runs]");
            System.exit(2);
        }
    }

    private static void run(String url, String user, String password, long runs) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            Result result = generate(connection, Plan.of(runs));
            System.out.printf("generated %,d runs of %d workflows in %.1f s%n", result.runs(),
                    result.workflowIds().size(), result.millis() / 1000.0);
        }
    }
}
