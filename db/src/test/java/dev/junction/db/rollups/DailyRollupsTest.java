package dev.junction.db.rollups;

import dev.junction.db.embedded.EmbeddedDatabase;
import dev.junction.db.workflows.WorkflowRepository;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily rollups (V32): folded with the hourly ones, by UTC day whatever the session's time zone, exactly once
 * across folders, and {@link RunRollups#covering} gives the same sums as the hours alone.
 */
class DailyRollupsTest {

    /** 23:00 UTC; in Asia/Kolkata (+05:30) it is already 04:30 the next day. */
    private static final OffsetDateTime LATE = OffsetDateTime.of(2026, 12, 1, 23, 0, 0, 0, ZoneOffset.UTC);

    private static EmbeddedDatabase postgres;
    private static PGSimpleDataSource dataSource;
    private static DSLContext db;
    private UUID workflowId;
    private final List<Object[]> pending = new java.util.ArrayList<>();

    @BeforeAll
    static void migrate() {
        postgres = EmbeddedDatabase.startFresh();
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl());
        dataSource.setUser(postgres.user());
        dataSource.setPassword(postgres.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        db = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @BeforeEach
    void oneWorkflow() {
        db.execute("truncate workflows, run_endings, run_rollups, run_rollups_daily cascade");
        workflowId = new WorkflowRepository(db).insert("Orders " + UUID.randomUUID(), "", "test").orElseThrow().id();
    }

    @Test
    void endingsAroundMidnightUtcLandOnTheirUtcDayWhateverTheSessionTimeZone() throws Exception {
        ending("succeeded", null, LATE.plusMinutes(59).plusSeconds(59), 100);   // 23:59:59 UTC, Dec 1
        ending("succeeded", null, LATE.plusHours(1), 300);                      // 00:00 UTC, Dec 2
        ending("failed", "Timeout", LATE.minusHours(4).minusMinutes(30), 2_000); // 18:30 UTC = 00:00 in Kolkata

        flush();
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("set time zone 'Asia/Kolkata'");
            assertThat(new RunRollups(DSL.using(connection, SQLDialect.POSTGRES)).foldAll()).isEqualTo(3);
        }

        List<RollupRow> days = new RunRollups(db).days(LATE.minusDays(2), LATE.plusDays(2), workflowId);
        assertThat(days).extracting(row -> row.hour().toInstant() + " " + row.status() + " " + row.runs() + " "
                        + row.durationMsSum() + " " + row.durationMsMax())
                .containsExactlyInAnyOrder(
                        "2026-12-01T00:00:00Z succeeded 1 100 100",
                        "2026-12-01T00:00:00Z failed 1 2000 2000",
                        "2026-12-02T00:00:00Z succeeded 1 300 300");
        RollupRow failed = days.stream().filter(row -> row.status().equals("failed")).findFirst().orElseThrow();
        assertThat(failed.errorClass()).isEqualTo("Timeout");
        assertThat(failed.durationBuckets()[DurationBuckets.of(2_000)]).isEqualTo(1);
    }

    @Test
    void aDayEqualsTheSumOfItsHoursAndCoveringReadsTheSameRunsFromFewerRows() {
        Random random = new Random(7);
        String[] statuses = {"succeeded", "succeeded", "succeeded", "failed", "dead_lettered", "cancelled"};
        for (int i = 0; i < 4_000; i++) {
            String status = statuses[random.nextInt(statuses.length)];
            ending(status, status.equals("failed") || status.equals("dead_lettered")
                            ? (random.nextBoolean() ? "RateLimited" : "Timeout") : null,
                    LATE.minusMinutes(random.nextInt(10 * 24 * 60)), 1 + random.nextInt(60_000));
        }
        // a second fold adds to the days the first one made
        flush();
        RunRollups rollups = new RunRollups(db);
        assertThat(rollups.fold()).isEqualTo(4_000);
        for (int i = 0; i < 500; i++) {
            ending("succeeded", null, LATE.minusMinutes(random.nextInt(10 * 24 * 60)), 1 + random.nextInt(60_000));
        }
        flush();
        rollups.foldAll();

        OffsetDateTime from = LATE.minusDays(9).withHour(7);
        OffsetDateTime to = LATE.minusHours(5);
        List<RollupRow> hours = rollups.hours(from, to, workflowId);
        List<RollupRow> covering = rollups.covering(from, to, workflowId);
        assertThat(summed(covering)).isEqualTo(summed(hours));
        assertThat(covering.size()).isLessThan(hours.size() / 2);
        // every day's row holds exactly its 24 hours
        Map<String, String> byDay = new TreeMap<>();
        rollups.hours(LATE.minusDays(12), LATE.plusDays(1), workflowId).forEach(row -> byDay.merge(
                RunRollups.startOfDay(row.hour()).toInstant() + " " + row.status() + " " + row.errorClass(),
                sums(row), DailyRollupsTest::add));
        Map<String, String> days = new TreeMap<>();
        rollups.days(LATE.minusDays(12), LATE.plusDays(1), workflowId).forEach(row -> days.merge(
                row.hour().toInstant() + " " + row.status() + " " + row.errorClass(), sums(row), DailyRollupsTest::add));
        assertThat(days).isEqualTo(byDay);
        // a span without a whole day is read from hours
        assertThat(summed(rollups.covering(LATE.minusHours(30), LATE.minusHours(10), workflowId)))
                .isEqualTo(summed(rollups.hours(LATE.minusHours(30), LATE.minusHours(10), workflowId)));
    }

    @Test
    void twoFoldersAtOnceCountEveryEndingOnceInTheDaysToo() throws Exception {
        for (int i = 0; i < 3_000; i++) {
            ending(i % 3 == 0 ? "failed" : "succeeded", i % 3 == 0 ? "Timeout" : null,
                    LATE.minusMinutes(i * 2L), i);
        }
        flush();
        try (var pool = Executors.newFixedThreadPool(2)) {
            Future<Long> one = pool.submit(() -> new RunRollups(db).foldAll());
            Future<Long> two = pool.submit(() -> new RunRollups(db).foldAll());
            assertThat(one.get() + two.get()).isEqualTo(3_000);
        }
        assertThat(new RunRollups(db).days(LATE.minusDays(10), LATE.plusDays(1), workflowId).stream()
                .mapToLong(RollupRow::runs).sum()).isEqualTo(3_000);
    }

    @Test
    void endingsOfAWorkflowDeletedBeforeTheFoldAreDroppedFromBothLevels() {
        ending("succeeded", null, LATE, 100);
        flush();
        db.execute("delete from workflows where id = ?", workflowId);

        assertThat(new RunRollups(db).foldAll()).isEqualTo(1);
        assertThat(db.fetchCount(DSL.table("run_rollups_daily"))).isZero();
    }

    @Test
    void histogramsAreReadFromTheirTextForm() {
        long[] histogram = RunRollups.histogram("{0,3,NULL,120}");
        assertThat(histogram).hasSize(DurationBuckets.COUNT);
        assertThat(histogram[1]).isEqualTo(3);
        assertThat(histogram[2]).isZero();
        assertThat(histogram[3]).isEqualTo(120);
        assertThat(RunRollups.histogram("{}")).containsOnly(0);
    }

    /** Runs, duration sum and max, and the histogram of the rows: by status and error class. */
    private static Map<String, String> summed(List<RollupRow> rows) {
        Map<String, String> sums = new TreeMap<>();
        rows.forEach(row -> sums.merge(row.status() + " " + row.errorClass(), sums(row), DailyRollupsTest::add));
        return sums;
    }

    private static String sums(RollupRow row) {
        StringBuilder text = new StringBuilder(row.runs() + " " + row.durationMsSum() + " " + row.durationMsMax());
        for (long count : row.durationBuckets()) {
            text.append(' ').append(count);
        }
        return text.toString();
    }

    private static String add(String one, String two) {
        String[] a = one.split(" ");
        String[] b = two.split(" ");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < a.length; i++) {
            long value = i == 2 ? Math.max(Long.parseLong(a[i]), Long.parseLong(b[i]))
                    : Long.parseLong(a[i]) + Long.parseLong(b[i]);
            text.append(i == 0 ? "" : " ").append(value);
        }
        return text.toString();
    }

    private void ending(String status, String errorClass, OffsetDateTime endedAt, long durationMs) {
        pending.add(new Object[] {UUID.randomUUID(), workflowId, status, errorClass, endedAt, durationMs});
        if (pending.size() == 1_000) {
            flush();
        }
    }

    /** Inserts the endings made so far (a thousand per statement). */
    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        String values = String.join(", ", java.util.Collections.nCopies(pending.size(),
                "(?, ?, ?, 'webhook', ?, ?::timestamptz, ?)"));
        db.execute("insert into run_endings (run_id, workflow_id, status, trigger_kind, error_class, ended_at,"
                + " duration_ms) values " + values, pending.stream().flatMap(java.util.Arrays::stream).toArray());
        pending.clear();
    }
}
