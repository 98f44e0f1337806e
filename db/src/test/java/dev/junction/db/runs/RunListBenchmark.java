package dev.junction.db.runs;

import dev.junction.db.TestDatabase;
import dev.junction.db.generator.RunGenerator;
import dev.junction.engine.runs.ErrorCategory;
import dev.junction.engine.runs.RunStatus;
import org.jooq.DSLContext;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Server time of the runs list on 1,000,000 generated runs (RunGenerator, in a fresh embedded PostgreSQL): the first
 * page, a business-key search and the other filters — each the median and p95 of 30 calls of RunQueries after 5
 * warm-ups. A benchmark, not part of the suite (nothing is asserted on time); run it with the test classpath, e.g.
 * {@code java -cp db/target/test-classes:db/target/classes:workflow-engine/target/classes:<deps>
 * dev.junction.db.runs.RunListBenchmark 1000000}. Figures in docs/benchmarks.md.
 */
public final class RunListBenchmark {

    private RunListBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        long size = arguments.length > 0 ? Long.parseLong(arguments[0]) : 1_000_000L;
        try (TestDatabase database = TestDatabase.migrated()) {
            RunGenerator.Result generated;
            try (Connection connection = database.dataSource().getConnection()) {
                generated = RunGenerator.generate(connection, RunGenerator.Plan.of(size));
            }
            DSLContext db = database.db();
            // the generator predates runs.error_category: place its error classes as a run's end would
            for (String errorClass : db.fetchValues("select distinct error_class from runs where error_class is not null")
                    .stream().map(Object::toString).toList()) {
                db.execute("update runs set error_category = ? where error_class = ?",
                        ErrorCategory.of(errorClass).jsonName(), errorClass);
            }
            db.execute("analyze runs");
            RunQueries queries = new RunQueries(db);
            String key = db.fetchValue("select business_key from runs where business_key is not null"
                    + " order by created_at limit 1 offset 500000").toString();
            var workflow = generated.workflowIds().getFirst();
            System.out.printf(Locale.ROOT, "RUNS-BENCHMARK %d runs generated in %d ms%n", generated.runs(),
                    generated.millis());
            measure("first page (no filter)", () -> queries.list(RunFilter.all(), null, 50).items().size());
            measure("business-key search", () -> queries.list(RunsQuery.all().withBusinessKey(key).toFilter(),
                    null, 50).items().size());
            measure("first page of one workflow", () -> queries.list(RunsQuery.ofWorkflow(workflow).toFilter(),
                    null, 50).items().size());
            measure("dead-lettered + failed", () -> queries.list(RunsQuery.ofStatuses(RunStatus.DEAD_LETTERED,
                    RunStatus.FAILED).toFilter(), null, 50).items().size());
            measure("category rate_limit", () -> queries.list(RunsQuery.all().withCategory(ErrorCategory.RATE_LIMIT)
                    .toFilter(), null, 50).items().size());
            measure("error class Timeout", () -> queries.list(RunsQuery.all().withErrorClass("Timeout").toFilter(),
                    null, 50).items().size());
            measure("connection (none uses it)", () -> queries.list(RunsQuery.all().withConnection("nobody-uses-it")
                    .toFilter(), null, 50).items().size());
            // one generated workflow's versions call a connection: its runs are the connection's
            db.execute("update workflow_versions set definition = jsonb_set(definition, '{nodes}',"
                    + " '[{\"id\": \"get\", \"type\": \"connector\", \"config\": {\"connection\": \"amazon-eu\"}}]')"
                    + " where workflow_id = ?", workflow);
            measure("connection (one workflow)", () -> queries.list(RunsQuery.all().withConnection("amazon-eu")
                    .toFilter(), null, 50).items().size());
            measure("tag (no workflow has it)", () -> queries.list(RunsQuery.all().withTag("nobody-has-it")
                    .toFilter(), null, 50).items().size());
            // what RunQueries does not do: the tag as a semi-join on workflows (kept here to show why)
            measure("tag as a semi-join (none)", () -> db.fetch("""
                    select r.id from runs r join workflows w on w.id = r.workflow_id
                    where r.workflow_id in (select id from workflows where tags @> array['nobody-has-it'])
                    order by r.created_at desc, r.id desc limit 51""").size());
            db.execute("update workflows set tags = '{orders}' where id = ?", workflow);
            measure("tag (one workflow)", () -> queries.list(RunsQuery.all().withTag("orders").toFilter(), null, 50)
                    .items().size());
            db.execute("update workflows set tags = '{uk}' where id = any(?::uuid[])",
                    (Object) generated.workflowIds().subList(0, generated.workflowIds().size() / 2).stream()
                            .map(Object::toString).toArray(String[]::new));
            measure("tag (half the workflows)", () -> queries.list(RunsQuery.all().withTag("uk").toFilter(), null, 50)
                    .items().size());
            measure("count, capped at 1000", () -> queries.count(RunFilter.all(), 1_000));
        }
    }

    private static void measure(String what, Supplier<Integer> call) {
        for (int i = 0; i < 5; i++) {
            call.get();
        }
        List<Double> millis = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < 30; i++) {
            long started = System.nanoTime();
            rows = call.get();
            millis.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "RUNS-BENCHMARK %-28s rows %4d  p50 %7.1f ms  p95 %7.1f ms%n", what, rows,
                millis.get(15), millis.get(28));
    }
}
