package dev.junction.db.generator;

import dev.junction.db.MigratedDatabaseTestBase;
import dev.junction.db.rollups.DurationBuckets;
import dev.junction.db.rollups.RollupRow;
import dev.junction.db.rollups.RunRollups;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated history: exactly the runs asked for, and rollups that agree with them as folding would make them. */
class RunGeneratorTest extends MigratedDatabaseTestBase {

    private static final Instant END = Instant.parse("2026-03-10T00:00:00Z");

    private static long count(String sql) {
        return ((Number) db.fetchValue(sql)).longValue();
    }

    @Test
    void generatesTheRunsAndTheirRollups() throws Exception {
        RunGenerator.Result result;
        try (Connection connection = dataSource.getConnection()) {
            // a session time zone with a half-hour offset: days and hours must still be UTC ones
            connection.createStatement().execute("set time zone 'Asia/Kolkata'");
            result = RunGenerator.generate(connection, new RunGenerator.Plan(20_000, 20, 60, END, 0.42));
        }

        assertThat(result.workflowIds()).hasSize(20);
        assertThat(count("select count(*) from runs")).isEqualTo(20_000);
        assertThat(count("select count(distinct workflow_id) from runs")).isEqualTo(20);
        assertThat(db.fetchValue("select min(created_at) >= ?::timestamptz and max(created_at) < ?::timestamptz"
                + " from runs", END.minusSeconds(60 * 86_400).atOffset(ZoneOffset.UTC),
                END.atOffset(ZoneOffset.UTC))).isEqualTo(true);
        // every status occurs; failures have an error class, successes none
        assertThat(db.fetch("select distinct status from runs").getValues(0, String.class))
                .contains("succeeded", "failed", "dead_lettered", "cancelled");
        assertThat(count("select count(*) from runs where status in ('failed', 'dead_lettered')"
                + " and error_class is null")).isZero();
        assertThat(count("select count(*) from runs where status = 'succeeded' and error_class is not null")).isZero();
        assertThat(count("select count(distinct business_key) from runs")).isEqualTo(20_000);
        assertThat(count("select count(*) from runs where business_key similar to '[0-9][0-9][0-9]-[0-9]+-[0-9]+'"
                + " and length(business_key) = 19")).isPositive();
        assertThat(count("select count(*) from runs where business_key like 'VTX-%'"))
                .isPositive();
        // weekdays at noon are busier than Sunday nights
        assertThat(count("select count(*) from runs where extract(hour from created_at at time zone 'UTC')"
                + " = 11 and extract(isodow from created_at at time zone 'UTC') < 6") / 5.0)
                .isGreaterThan(3.0 * count("select count(*) from runs where extract(hour from created_at"
                        + " at time zone 'UTC') = 3 and extract(isodow from created_at at time zone 'UTC') = 7"));

        // the rollups hold each ended run once, in the hour it ended, with its duration in the histogram
        List<RollupRow> rows = new RunRollups(db).hours(END.minusSeconds(70L * 86_400).atOffset(ZoneOffset.UTC),
                END.plusSeconds(86_400).atOffset(ZoneOffset.UTC), null);
        Map<String, Long> rolledUp = new HashMap<>();
        long histogramTotal = 0;
        for (RollupRow row : rows) {
            rolledUp.merge(row.hour().withOffsetSameInstant(ZoneOffset.UTC) + " " + row.workflowId() + " "
                    + row.status() + " " + row.errorClass(), row.runs(), Long::sum);
            for (long count : row.durationBuckets()) {
                histogramTotal += count;
            }
        }
        Map<String, Long> ended = new HashMap<>();
        db.fetch("""
                select date_trunc('hour', finished_at at time zone 'UTC') as hour, workflow_id, status,
                       coalesce(error_class, '') as error_class, count(*) as runs
                from runs where finished_at is not null group by 1, 2, 3, 4""").forEach(row -> ended.put(
                row.get("hour", java.time.LocalDateTime.class).atOffset(ZoneOffset.UTC) + " "
                        + row.get("workflow_id") + " " + row.get("status") + " " + row.get("error_class"),
                row.get("runs", Long.class)));
        assertThat(rolledUp).isEqualTo(ended);
        assertThat(histogramTotal).isEqualTo(ended.values().stream().mapToLong(Long::longValue).sum());
        long[] slowest = new long[DurationBuckets.COUNT];
        rows.forEach(row -> DurationBuckets.add(slowest, row.durationBuckets()));
        assertThat(DurationBuckets.percentile(slowest, 0.5)).isBetween(100.0, 2_000.0);
        // the daily rollups hold the same runs, by UTC day, with the same histograms
        RunRollups rollups = new RunRollups(db);
        Map<String, String> hoursByDay = new HashMap<>();
        rows.forEach(row -> hoursByDay.merge(RunRollups.startOfDay(row.hour()).toInstant() + " " + row.workflowId()
                + " " + row.status() + " " + row.triggerKind() + " " + row.errorClass(), totals(row), RunGeneratorTest::add));
        Map<String, String> days = new HashMap<>();
        rollups.days(END.minusSeconds(70L * 86_400).atOffset(ZoneOffset.UTC), END.plusSeconds(86_400)
                .atOffset(ZoneOffset.UTC), null).forEach(row -> days.merge(row.hour().toInstant() + " "
                + row.workflowId() + " " + row.status() + " " + row.triggerKind() + " " + row.errorClass(), totals(row),
                RunGeneratorTest::add));
        assertThat(days).isNotEmpty().isEqualTo(hoursByDay);
        OffsetDateTime maxEnd = db.fetchOne("select max(finished_at) as m from runs").get("m", OffsetDateTime.class);
        assertThat(maxEnd.toInstant()).isBefore(END.plusSeconds(3_600));
    }

    /** Runs, duration sum and histogram of a rollup row, space-separated (max is left out: it does not add). */
    private static String totals(RollupRow row) {
        StringBuilder text = new StringBuilder(row.runs() + " " + row.durationMsSum());
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
            text.append(i == 0 ? "" : " ").append(Long.parseLong(a[i]) + Long.parseLong(b[i]));
        }
        return text.toString();
    }
}
