package dev.junction.backend.alerts;

import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.rollups.RollupFolder;
import org.jooq.DSLContext;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Load driver for alert evaluation (not a test): a fresh embedded PostgreSQL with {@code runs} ended runs (default
 * 1,000,000) spread over 30 days and 200 workflows (5 % dead-lettered, 5 % failed), folded into the rollups, and
 * {@code rules} rules (default 100: run_failed, failure_rate, no_success, duration_over and dlq_depth in turn, one in
 * ten of them over everything, the others over one workflow). Then {@code cycles} cycles: every rule made due, one
 * {@code evaluateDue(now)} timed (what one node does per cycle when it claims them all). Run:
 * {@code mvn -q -pl backend test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.junction.backend.alerts.AlertEvaluationLoadDriver -Dexec.args="1000000 100 7"}.
 */
public final class AlertEvaluationLoadDriver {

    private static final String[] KINDS = {"run_failed", "failure_rate", "no_success", "duration_over", "dlq_depth"};
    private static final String[] PARAMETERS = {"{\"quietMinutes\": 60}",
            "{\"thresholdPercent\": 5, \"windowMinutes\": 60, \"minRuns\": 5}",
            "{\"minutes\": 30, \"expectation\": \"history\"}",
            "{\"factor\": 3, \"windowMinutes\": 60}",
            "{\"threshold\": 100}"};

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
            db.execute("""
                    insert into workflows (name, created_by, updated_by, created_at)
                    select 'Bench ' || i, 'bench', 'bench', now() - interval '60 days' from generate_series(1, 200) i""");
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
            app.getBean(RollupFolder.class).foldNow();
            db.execute("analyze");
            System.out.printf("seeded %d runs in %.1f s%n", runs, (System.nanoTime() - seeding) / 1e9);

            List<java.util.UUID> workflows = db.fetch("select id from workflows where name like 'Bench %'"
                    + " order by name").map(row -> row.get(0, java.util.UUID.class));
            for (int i = 0; i < ruleCount; i++) {
                db.execute("""
                        insert into alert_rules (name, condition_kind, parameters, workflow_id, created_by, updated_by,
                                                 created_at, updated_at)
                        values (?, ?, ?::jsonb, ?, 'bench', 'bench', now() - interval '10 minutes',
                                now() - interval '10 minutes')""", "Bench rule " + i, KINDS[i % KINDS.length],
                        PARAMETERS[i % KINDS.length], i % 10 == 9 ? null : workflows.get(i % workflows.size()));
            }
            AlertEvaluator evaluator = app.getBean(AlertEvaluator.class);
            List<Double> times = new ArrayList<>();
            Instant now = Instant.now();
            for (int cycle = 0; cycle < cycles; cycle++) {
                db.execute("update alert_rules set next_evaluation_at = '2000-01-01T00:00:00Z'");
                Instant at = now.plus(Duration.ofSeconds(5L * cycle));
                long start = System.nanoTime();
                int evaluated = evaluator.evaluateDue(at);
                double millis = (System.nanoTime() - start) / 1e6;
                times.add(millis);
                System.out.printf("cycle %d: %d rules in %.0f ms%n", cycle + 1, evaluated, millis);
            }
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
}
