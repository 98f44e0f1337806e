package dev.junction.backend.alerts;

import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.anomalies.AnomalyFlagsAhead;
import dev.junction.backend.rollups.RollupFolder;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Load driver for alert evaluation (not a test): a fresh embedded PostgreSQL with {@code runs} ended runs (default
 * 1,000,000) spread over 30 days and 200 workflows (5 % dead-lettered, 5 % failed), folded into the rollups; 20
 * connections, each workflow's published version using one of them (workflow {@code i} uses connection
 * {@code i % 20}) and tagged {@code team-<i % 10>}; connection health (every fifth connection's last call failed to
 * authenticate, every third has rate-limit hits this hour and a near-empty token bucket) and 40 settlement
 * reconciliations (every other one with fraud hints, every third with open discrepancies). Then {@code rules} rules
 * (default 100) of every condition kind in the proportions of {@link #MIX} — per 100: 20 run_failed, 12
 * failure_rate, 12 no_success, 10 duration_over, 6 dlq_depth, 8 connection_auth_failing, 8 rate_limit_saturation,
 * 4 reconciliation_findings, 20 anomaly — one in ten over everything, one in ten over a tag, the connection kinds'
 * every other rule over a connection, the rest over one workflow. Then {@code cycles} cycles: every rule made due, one
 * {@code evaluateDue(now)} timed (what one node does per cycle when it claims them all), and one more two minutes
 * later (the anomaly flags, cached for a minute, computed again), with the statements each made
 * counted and timed by kind (a jOOQ execute listener: the profile of where a cycle's time goes). Before the first
 * cycle and before that later one the anomaly flags are computed ahead and timed apart ({@link AnomalyFlagsAhead}:
 * what a node's own thread does when it starts, every 30 s and as each hour turns; this driver's node schedules
 * nothing). Run it with the
 * backend's test class path, on a data directory of its own (it is emptied first):
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt \
 *     -pl backend -am
 * JUNCTION_DATA_DIR=/tmp/alerts-load java -cp backend/target/test-classes:backend/target/classes:$(cat /tmp/cp.txt) \
 *     dev.junction.backend.alerts.AlertEvaluationLoadDriver 1000000 100 7
 * </pre>
 */
public final class AlertEvaluationLoadDriver {

    /** Kind, rules per 100, parameters. */
    private static final Object[][] MIX = {
            {"run_failed", 20, "{\"quietMinutes\": 60}"},
            {"failure_rate", 12, "{\"thresholdPercent\": 5, \"windowMinutes\": 60, \"minRuns\": 5}"},
            {"no_success", 12, "{\"minutes\": 30, \"expectation\": \"history\"}"},
            {"duration_over", 10, "{\"factor\": 3, \"windowMinutes\": 60}"},
            {"dlq_depth", 6, "{\"threshold\": 100}"},
            {"connection_auth_failing", 8, "{}"},
            {"rate_limit_saturation", 8, "{\"budgetPercent\": 90, \"hitsPerHour\": 50}"},
            {"reconciliation_findings", 4, "{\"finding\": \"open_discrepancies\", \"minimum\": 1}"},
            {"anomaly", 20, "{\"metric\": \"any\", \"sensitivity\": \"normal\"}"}};
    private static final int WORKFLOWS = 200;
    private static final int CONNECTIONS = 20;

    private AlertEvaluationLoadDriver() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int ruleCount = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int cycles = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        ConfigurableApplicationContext app = SpringApplication.run(BackendTestApplication.class,
                "--junction.db.embedded.fresh=true", "--junction.admin.password=load-driver", "--server.port=0",
                "--junction.workers.enabled=false", "--spring.quartz.auto-startup=false",
                "--junction.alerts.evaluator.enabled=false", "--logging.level.root=warn",
                // the driver folds the seeded endings itself: a background fold at the same time would deadlock with
                // it on run_rollups (both upsert the same hours in a different order)
                "--junction.rollups.fold-interval=1h");
        try {
            DSLContext db = app.getBean(DSLContext.class);
            long seeding = System.nanoTime();
            seedRuns(db, runs);
            seedConnections(db);
            app.getBean(RollupFolder.class).foldNow();
            // the state autovacuum keeps a table of 1M runs in: statistics, and the visibility map that lets the
            // partial indexes answer counts without visiting the heap
            db.execute("vacuum analyze");
            System.out.printf("seeded %d runs in %.1f s%n", runs, (System.nanoTime() - seeding) / 1e9);
            insertRules(db, ruleCount);

            Profile profile = new Profile();
            ExecuteListenerProvider[] providers = db.configuration().executeListenerProviders();
            ExecuteListenerProvider[] withProfile = Arrays.copyOf(providers, providers.length + 1);
            withProfile[providers.length] = new DefaultExecuteListenerProvider(profile);
            db.configuration().set(withProfile);

            AlertEvaluator evaluator = app.getBean(AlertEvaluator.class);
            AnomalyFlagsAhead flagsAhead = app.getBean(AnomalyFlagsAhead.class);
            List<Double> times = new ArrayList<>();
            Instant now = Instant.now();
            // what a node's own thread does when it starts (and every 30 s): the anomaly rules' flags, computed ahead
            // of the cycles (the evaluator's schedule, and with it this thread's, is off in this driver)
            aheadOfCycle(flagsAhead, now, profile);
            for (int cycle = 0; cycle < cycles; cycle++) {
                profile.enabled = false;
                db.execute("update alert_rules set next_evaluation_at = '2000-01-01T00:00:00Z'");
                profile.reset();
                Instant at = now.plus(Duration.ofSeconds(5L * cycle));
                long start = System.nanoTime();
                int evaluated = evaluator.evaluateDue(at);
                double millis = (System.nanoTime() - start) / 1e6;
                profile.enabled = false;
                times.add(millis);
                System.out.printf("cycle %d: %d rules in %.0f ms; %d statements (%.0f ms in them), %d claims%n",
                        cycle + 1, evaluated, millis, profile.statements(), profile.millis(), profile.claims());
                if (cycle <= 1 || cycle == cycles - 1) {
                    profile.print();
                }
            }
            // the anomaly flags are cached for a minute: a cycle two minutes on computes them again, as every
            // twelfth cycle of a node does at the default 5 s interval
            Instant later = now.plus(Duration.ofSeconds(5L * cycles + 120));
            aheadOfCycle(flagsAhead, later, profile);
            profile.enabled = false;
            db.execute("update alert_rules set next_evaluation_at = '2000-01-01T00:00:00Z'");
            profile.reset();
            long start = System.nanoTime();
            int evaluated = evaluator.evaluateDue(later);
            profile.enabled = false;
            System.out.printf("cycle with the anomaly flags computed again: %d rules in %.0f ms; %d statements"
                    + " (%.0f ms in them), %d claims%n", evaluated, (System.nanoTime() - start) / 1e6,
                    profile.statements(), profile.millis(), profile.claims());
            profile.print();
            System.out.printf("alerts open: %s, outbox rows: %s%n",
                    db.fetchValue("select count(*) from alerts where state <> 'resolved'"),
                    db.fetchValue("select count(*) from alert_notifications"));
            List<Double> sorted = times.subList(1, times.size()).stream().sorted().toList();
            System.out.printf("median of cycles 2..%d: %.0f ms (first cycle %.0f ms)%n", cycles,
                    sorted.get(sorted.size() / 2), times.getFirst());
        } finally {
            app.close();
        }
    }

    /** Computes the anomaly flags ahead at {@code at}, as the node's thread does, timed apart from the cycles. */
    private static void aheadOfCycle(AnomalyFlagsAhead flagsAhead, Instant at, Profile profile) {
        profile.reset();
        long start = System.nanoTime();
        int settings = flagsAhead.computeAt(at);
        profile.enabled = false;
        System.out.printf("anomaly flags computed ahead (%d settings, off the cycle): %.0f ms; %d statements%n",
                settings, (System.nanoTime() - start) / 1e6, profile.statements());
    }

    private static void seedRuns(DSLContext db, int runs) {
        db.execute("""
                insert into workflows (name, created_by, updated_by, created_at, tags)
                select 'Bench ' || lpad(i::text, 3, '0'), 'bench', 'bench', now() - interval '60 days',
                       array['team-' || (i % 10)]
                from generate_series(0, ? - 1) i""", WORKFLOWS);
        db.execute("""
                with w as (select array_agg(id order by name) as ids from workflows where name like 'Bench %')
                insert into runs (id, workflow_id, workflow_version, trigger_kind, status, failed_node_id,
                                  error_class, error_message, created_at, started_at, finished_at)
                select gen_random_uuid(), w.ids[1 + (i % 200)], 1, 'webhook',
                       case when i % 20 = 0 then 'dead_lettered' when i % 20 = 1 then 'failed' else 'succeeded' end,
                       case when i % 20 < 2 then 'send' end,
                       case when i % 20 < 2 then (array['HttpStatusException', 'ConnectException'])[1 + i % 2] end,
                       case when i % 20 < 2 then 'the remote said no' end,
                       now() - make_interval(secs => i * 2.592e6 / ?),
                       now() - make_interval(secs => i * 2.592e6 / ?),
                       now() - make_interval(secs => i * 2.592e6 / ?) + make_interval(secs => 1 + (i % 7) * 0.4)
                from w, generate_series(1, ?) i""", runs, runs, runs, runs);
        db.execute("""
                insert into run_endings (run_id, workflow_id, status, trigger_kind, error_class, ended_at, duration_ms)
                select id, workflow_id, status, trigger_kind, error_class, finished_at,
                       (extract(epoch from finished_at - started_at) * 1000)::bigint from runs""");
    }

    /** Connections, the workflows' published versions using them, their health, and settlement reconciliations. */
    private static void seedConnections(DSLContext db) {
        db.execute("""
                insert into connections (id, name, connector_id, environment, created_by, updated_by)
                select 'bench-conn-' || i, 'Bench connection ' || i, 'http', 'sandbox', 'bench', 'bench'
                from generate_series(0, ? - 1) i""", CONNECTIONS);
        db.execute("""
                with w as (select id, row_number() over (order by name) - 1 as i from workflows
                           where name like 'Bench %')
                insert into workflow_versions (workflow_id, version, definition, created_by)
                select id, 1, jsonb_build_object('nodes', jsonb_build_array(
                           jsonb_build_object('id', 'send', 'type', 'http',
                                              'settings', jsonb_build_object('connection', 'bench-conn-' || (i % ?))))),
                       'bench'
                from w""", CONNECTIONS);
        db.execute("update workflows set latest_version = 1, published_version = 1 where name like 'Bench %'");
        db.execute("""
                insert into connection_health (connection_id, last_success_at, last_failure_at, last_failure_class,
                                               last_failure_message, last_throttled_at)
                select 'bench-conn-' || i, now() - interval '10 minutes',
                       case when i % 5 = 0 then now() - interval '1 minute' end,
                       case when i % 5 = 0 then 'AuthenticationException' end,
                       case when i % 5 = 0 then 'the token was refused' end,
                       case when i % 3 = 0 then now() - interval '2 minutes' end
                from generate_series(0, ? - 1) i""", CONNECTIONS);
        db.execute("""
                insert into connection_usage_hours (connection_id, hour, calls, failures, limiter_waits,
                                                    remote_throttles)
                select 'bench-conn-' || i, date_trunc('hour', now()) - make_interval(hours => h), 1000, 10,
                       case when i % 3 = 0 then 40 else 1 end, case when i % 3 = 0 then 20 else 0 end
                from generate_series(0, ? - 1) i, generate_series(0, 23) h""", CONNECTIONS);
        db.execute("""
                insert into rate_limit_buckets (connection_id, operation, tokens, updated_at)
                select 'bench-conn-' || i, 'default', case when i % 3 = 0 then 0.5 else 40 end, now()
                from generate_series(0, ? - 1) i""", CONNECTIONS);
        db.execute("""
                insert into reconciliation_settlements (amazon_connection_id, settlement_id, currency, line_count,
                                                        document, fetched_by)
                select 'bench-conn-' || (i % ?), 'S-' || i, 'GBP', 100, '{}'::jsonb, 'bench'
                from generate_series(0, 39) i""", CONNECTIONS);
        db.execute("""
                insert into reconciliation_runs (id, settlement_ref, opayo_connection_id, status, summary, fraud_hints,
                                                 discrepancy_count, started_by, started_at)
                select gen_random_uuid(), s.id, 'bench-conn-' || ((s.id + 1) % ?),
                       case when s.id % 3 = 0 then 'discrepancies' else 'balanced' end, '{}'::jsonb,
                       case when s.id % 2 = 0 then '[{"kind": "AVS_MISMATCH"}, {"kind": "CV2_MISMATCH"}]'::jsonb
                            else '[]'::jsonb end,
                       case when s.id % 3 = 0 then 2 else 0 end, 'bench', now() - make_interval(hours => h)
                from reconciliation_settlements s, generate_series(0, 2) h""", CONNECTIONS);
        db.execute("""
                insert into reconciliation_discrepancies (run_id, item_no, kind, fingerprint, message)
                select r.id, n, 'missing_transaction', 'order-' || r.settlement_ref || '-' || n, 'not in Opayo'
                from reconciliation_runs r, generate_series(1, r.discrepancy_count) n""");
    }

    private static void insertRules(DSLContext db, int ruleCount) {
        List<UUID> workflows = db.fetch("select id from workflows where name like 'Bench %' order by name")
                .map(row -> row.get(0, UUID.class));
        List<Object[]> kinds = new ArrayList<>();
        for (Object[] kind : MIX) {
            for (int n = 0; n < (int) kind[1]; n++) {
                kinds.add(kind);
            }
        }
        for (int i = 0; i < ruleCount; i++) {
            Object[] kind = kinds.get(i * 37 % kinds.size()); // spread the kinds over the rules (37 is coprime to 100)
            String name = (String) kind[0];
            boolean connectionKind = name.startsWith("connection_") || name.startsWith("rate_limit");
            UUID workflow = null;
            String tag = null;
            String connection = null;
            if (i % 10 == 9) {
                // everything
            } else if (i % 10 == 8) {
                tag = "team-" + (i / 10 % 10);
            } else if (connectionKind && i % 2 == 0) {
                connection = "bench-conn-" + (i % CONNECTIONS);
            } else {
                workflow = workflows.get(i * 7 % workflows.size());
            }
            db.execute("""
                    insert into alert_rules (name, condition_kind, parameters, workflow_id, tag, connection_id,
                                             created_by, updated_by, created_at, updated_at)
                    values (?, ?, ?::jsonb, ?, ?, ?, 'bench', 'bench', now() - interval '10 minutes',
                            now() - interval '10 minutes')""", "Bench rule " + i, name, kind[2], workflow, tag,
                    connection);
        }
        System.out.println("rules by kind: " + db.fetch("select condition_kind, count(*) from alert_rules"
                + " group by 1 order by 1").intoMap(0, 1));
    }

    /** Statements of a cycle, counted and timed by their first words. */
    private static final class Profile implements ExecuteListener {

        volatile boolean enabled;
        private final Map<String, long[]> byStatement = new TreeMap<>();
        private long startedAt;
        private long claims;

        void reset() {
            byStatement.clear();
            claims = 0;
            enabled = true;
        }

        @Override
        public void executeStart(ExecuteContext ctx) {
            startedAt = System.nanoTime();
        }

        @Override
        public void end(ExecuteContext ctx) {
            if (!enabled || ctx.sql() == null) {
                return;
            }
            String sql = ctx.sql().replaceAll("\\s+", " ").trim();
            if (sql.contains("for update skip locked")) {
                claims++; // one per transaction of the evaluator (the last one finds nothing due)
            }
            String key = sql.length() > 110 ? sql.substring(0, 110) : sql;
            long[] counted = byStatement.computeIfAbsent(key, k -> new long[2]);
            counted[0]++;
            counted[1] += System.nanoTime() - startedAt;
        }

        long statements() {
            return byStatement.values().stream().mapToLong(counted -> counted[0]).sum();
        }

        double millis() {
            return byStatement.values().stream().mapToLong(counted -> counted[1]).sum() / 1e6;
        }

        long claims() {
            return claims;
        }

        void print() {
            byStatement.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                    .forEach(entry -> System.out.printf("  %5d x %8.1f ms  %s%n", entry.getValue()[0],
                            entry.getValue()[1] / 1e6, entry.getKey()));
        }
    }
}
