package dev.junction.db.rollups;

import dev.junction.db.MigratedDatabaseTestBase;
import dev.junction.db.runs.RunControl;
import dev.junction.db.workflows.WorkflowRepository;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Run endings folded into hourly rollups, exactly once, whichever folder takes them. */
class RunRollupsTest extends MigratedDatabaseTestBase {

    private static final OffsetDateTime TEN = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    private UUID workflowId;

    @BeforeEach
    void oneWorkflow() {
        db.execute("truncate workflows, run_endings, run_rollups cascade");
        workflowId = new WorkflowRepository(db).insert("Orders " + UUID.randomUUID(), "", "test").orElseThrow().id();
    }

    @Test
    void foldsEndingsIntoTheirHourStatusAndErrorClass() {
        ending("succeeded", null, TEN.plusMinutes(5), 100);
        ending("succeeded", null, TEN.plusMinutes(50), 300);
        ending("dead_lettered", "RateLimited", TEN.plusMinutes(59), 2_000);
        ending("succeeded", null, TEN.plusHours(1), 50);

        assertThat(new RunRollups(db).foldAll()).isEqualTo(4);

        List<RollupRow> rows = new RunRollups(db).hours(TEN.minusHours(1), TEN.plusHours(2), workflowId);
        assertThat(rows).extracting(row -> row.hour().toInstant() + " " + row.status() + " " + row.errorClass()
                        + " " + row.runs() + " " + row.durationMsSum() + " " + row.durationMsMax())
                .containsExactlyInAnyOrder(
                        TEN.toInstant() + " succeeded  2 400 300",
                        TEN.toInstant() + " dead_lettered RateLimited 1 2000 2000",
                        TEN.plusHours(1).toInstant() + " succeeded  1 50 50");
        assertThat(db.fetchCount(DSL.table("run_endings"))).isZero();
    }

    @Test
    void aSecondFoldAddsToTheHourAlreadyRolledUp() {
        RunRollups rollups = new RunRollups(db);
        ending("succeeded", null, TEN, 100);
        rollups.foldAll();
        ending("succeeded", null, TEN.plusMinutes(1), 1_000);
        rollups.foldAll();

        RollupRow row = rollups.hours(TEN, TEN.plusHours(1), workflowId).getFirst();
        assertThat(row.runs()).isEqualTo(2);
        assertThat(row.durationMsMax()).isEqualTo(1_000);
        assertThat(row.durationBuckets()[DurationBuckets.of(100)]).isEqualTo(1);
        assertThat(row.durationBuckets()[DurationBuckets.of(1_000)]).isEqualTo(1);
        assertThat(DurationBuckets.percentile(row.durationBuckets(), 0.95)).isBetween(900.0, 1_100.0);
        assertThat(DurationBuckets.percentile(row.durationBuckets(), 0.5)).isBetween(90.0, 110.0);
    }

    @Test
    void foldingEverythingWaitsForTheEndingsAnotherFolderHolds() throws Exception {
        for (int i = 0; i < 3; i++) {
            ending("succeeded", null, TEN.plusSeconds(i), i);
        }
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            // another folder holding every ending in its transaction (it then rolls back: the endings stay)
            Future<?> holder = pool.submit(() -> db.transaction(configuration -> {
                configuration.dsl().fetch("select id from run_endings for update");
                held.countDown();
                release.await();
                throw new IllegalStateException("the other folder rolls back");
            }));
            held.await();
            assertThat(new RunRollups(db).foldAll()).as("a fold skips what another holds").isZero();

            Future<Long> everything = pool.submit(() -> new RunRollups(db).foldEverything());
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (db.fetchCount(DSL.table("pg_locks"), DSL.field("granted").isFalse()) == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(20); // until the fold waits on the held rows
            }
            release.countDown();
            assertThat(everything.get()).isEqualTo(3);
            assertThat(holder).failsWithin(java.time.Duration.ofSeconds(30));
        }
        assertThat(db.fetchCount(DSL.table("run_endings"))).isZero();
        assertThat(new RunRollups(db).hours(TEN, TEN.plusHours(1), workflowId).getFirst().runs()).isEqualTo(3);
    }

    @Test
    void twoFoldersAtOnceCountEveryEndingOnce() throws Exception {
        for (int i = 0; i < 3_000; i++) {
            ending("succeeded", null, TEN.plusSeconds(i), i);
        }
        try (var pool = Executors.newFixedThreadPool(2)) {
            Future<Long> one = pool.submit(() -> new RunRollups(db).foldAll());
            Future<Long> two = pool.submit(() -> new RunRollups(db).foldAll());
            assertThat(one.get() + two.get()).isEqualTo(3_000);
        }
        assertThat(new RunRollups(db).hours(TEN, TEN.plusHours(2), workflowId).stream()
                .mapToLong(RollupRow::runs).sum()).isEqualTo(3_000);
    }

    @Test
    void aRunThatEndsIsCountedAndADesignerTestRunIsNot() {
        UUID counted = run("webhook");
        UUID test = run("test");
        new RunControl(db).cancel(counted);
        new RunControl(db).cancel(test);

        assertThat(db.fetch("select run_id, status, trigger_kind from run_endings"))
                .extracting(row -> row.get("run_id", UUID.class) + " " + row.get("status") + " "
                        + row.get("trigger_kind"))
                .containsExactly(counted + " cancelled webhook");
    }

    @Test
    void endingsOfAWorkflowDeletedBeforeTheFoldAreDropped() {
        ending("succeeded", null, TEN, 100);
        db.execute("delete from workflows where id = ?", workflowId);

        assertThat(new RunRollups(db).foldAll()).isEqualTo(1);
        assertThat(db.fetchCount(DSL.table("run_rollups"))).isZero();
    }

    @Test
    void percentilesOfAnEmptyHistogramAreUnknown() {
        assertThat(DurationBuckets.percentile(new long[DurationBuckets.COUNT], 0.95)).isNull();
        assertThat(DurationBuckets.of(0)).isZero();
        assertThat(DurationBuckets.of(Long.MAX_VALUE)).isEqualTo(DurationBuckets.COUNT - 1);
    }

    private void ending(String status, String errorClass, OffsetDateTime endedAt, long durationMs) {
        db.execute("""
                insert into run_endings (run_id, workflow_id, status, trigger_kind, error_class, ended_at, duration_ms)
                values (?, ?, ?, 'webhook', ?, ?::timestamptz, ?)""", UUID.randomUUID(), workflowId, status, errorClass, endedAt,
                durationMs);
    }

    private UUID run(String triggerKind) {
        UUID id = UUID.randomUUID();
        db.execute("insert into runs (id, workflow_id, workflow_version, trigger_kind, status) values (?, ?, 1, ?, 'running')",
                id, workflowId, triggerKind);
        return id;
    }
}
