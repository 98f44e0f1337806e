package dev.junction.db.rollups;

import org.jooq.DSLContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The rollups of ended runs, hourly ({@code run_rollups}) and daily ({@code run_rollups_daily}, by UTC day). A run's
 * end appends a row to {@code run_endings} in the transaction that ends it (see {@code RunEnding}); {@link #fold}
 * moves a batch of those rows into both levels, adding them to the hour's and the day's row, and their business
 * amounts (V36) to the hour's {@code run_amount_rollups} row. Folding deletes the rows
 * it adds in the same transaction, and rows another node is folding are skipped ({@code for update skip locked}):
 * every ending is counted exactly once at each level, whichever node folds it, and a day's row always equals the sum
 * of its hours.
 */
public class RunRollups {

    /** How many endings one {@link #fold} moves at most. */
    public static final int BATCH = 20_000;

    private final DSLContext db;
    private volatile Consumer<List<FoldedEnding>> listener = endings -> {
    };

    public RunRollups(DSLContext db) {
        this.db = db;
    }

    /** One run ending as it was folded (its error class {@code ""} when none). */
    public record FoldedEnding(UUID workflowId, String status, String triggerKind, String errorClass,
                               long durationMs) {
    }

    /**
     * Hands every batch of endings this instance folds, once its transaction has committed, to {@code listener}
     * (metrics count runs this way: each ending once across nodes, whichever node folds it, and nothing on the run
     * path). One listener; a later call replaces it.
     */
    public void onFolded(Consumer<List<FoldedEnding>> listener) {
        this.listener = listener;
    }

    /** Folds up to {@link #BATCH} endings into the rollups; returns how many it folded (0: nothing was waiting). */
    public int fold() {
        return fold(false);
    }

    private int fold(boolean waitForHeld) {
        List<FoldedEnding> endings = new ArrayList<>();
        int folded = db.transactionResult(configuration -> configuration.dsl().connectionResult(connection ->
                fold(connection, endings, waitForHeld)));
        if (!endings.isEmpty()) {
            listener.accept(endings);
        }
        return folded;
    }

    /**
     * Folds every ending that has ended by now, waiting for the batches another folder holds (its transaction
     * commits them into the rollups, or rolls back and leaves them here): afterwards the rollups hold every run ended
     * before the call. For readers that must see the latest runs; returns how many this call folded itself.
     */
    public long foldEverything() {
        long total = 0;
        int folded;
        do {
            folded = fold(true);
            total += folded;
        } while (folded == BATCH);
        return total;
    }

    /** Folds until no ending waits, skipping those another folder holds; returns how many it folded. */
    public long foldAll() {
        long total = 0;
        int folded;
        do {
            folded = fold();
            total += folded;
        } while (folded == BATCH);
        return total;
    }

    /**
     * The rollup rows of hours in [{@code from}, {@code to}) (whole hours; {@code from} is rounded down), of one
     * workflow or of all ({@code workflowId} null), oldest first.
     */
    public List<RollupRow> hours(OffsetDateTime from, OffsetDateTime to, UUID workflowId) {
        return db.connectionResult(connection -> {
            List<RollupRow> rows = new ArrayList<>();
            read(connection, "run_rollups", "hour", from.truncatedTo(ChronoUnit.HOURS), to, workflowId, rows);
            return rows;
        });
    }

    /**
     * The business-amount rows (V36) of hours in [{@code from}, {@code to}) ({@code from} rounded down), of one
     * workflow or of all ({@code workflowId} null), oldest first.
     */
    public List<AmountRow> amountHours(OffsetDateTime from, OffsetDateTime to, UUID workflowId) {
        return db.connectionResult(connection -> {
            List<AmountRow> rows = new ArrayList<>();
            AmountFolding.read(connection, from.truncatedTo(ChronoUnit.HOURS), to, workflowId, rows);
            return rows;
        });
    }

    /**
     * The daily rollup rows of the UTC days in [{@code from}, {@code to}) ({@code from} is rounded down to its day),
     * of one workflow or of all ({@code workflowId} null), oldest first. A row's {@link RollupRow#hour()} is the
     * start of its day (00:00 UTC).
     */
    public List<RollupRow> days(OffsetDateTime from, OffsetDateTime to, UUID workflowId) {
        return db.connectionResult(connection -> {
            List<RollupRow> rows = new ArrayList<>();
            read(connection, "run_rollups_daily", "day", startOfDay(from), to, workflowId, rows);
            return rows;
        });
    }

    /**
     * The rollup rows that together hold exactly the runs ended in [{@code from}, {@code to}) (whole hours): a daily
     * row for each whole UTC day in it, hourly rows for the hours before the first and after the last whole day. A
     * reader that sums them gets what it would get from {@link #hours} over the same span, from far fewer rows on
     * long spans — provided what it sums by (e.g. chart buckets) never splits a UTC day within the span. Daily rows
     * carry the start of their day as {@link RollupRow#hour()}; rows are in no particular order.
     */
    public List<RollupRow> covering(OffsetDateTime from, OffsetDateTime to, UUID workflowId) {
        OffsetDateTime start = from.truncatedTo(ChronoUnit.HOURS);
        OffsetDateTime firstDay = startOfDay(start).isBefore(start) ? startOfDay(start).plusDays(1)
                : startOfDay(start);
        OffsetDateTime lastDay = startOfDay(to);
        if (!firstDay.isBefore(lastDay)) {
            return hours(start, to, workflowId);
        }
        return db.connectionResult(connection -> {
            List<RollupRow> rows = new ArrayList<>();
            if (start.isBefore(firstDay)) {
                read(connection, "run_rollups", "hour", start, firstDay, workflowId, rows);
            }
            read(connection, "run_rollups_daily", "day", firstDay, lastDay, workflowId, rows);
            if (lastDay.isBefore(to)) {
                read(connection, "run_rollups", "hour", lastDay, to, workflowId, rows);
            }
            return rows;
        });
    }

    /** 00:00 UTC of the day {@code time} falls on. */
    public static OffsetDateTime startOfDay(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
    }

    private static void read(Connection connection, String table, String timeColumn, OffsetDateTime from,
                             OffsetDateTime to, UUID workflowId, List<RollupRow> rows) throws SQLException {
        // the histogram as text, parsed here: a JDBC array would box 64 integers per row
        String sql = "select " + timeColumn + ", workflow_id, status, trigger_kind, error_class, runs,"
                + " duration_ms_sum, duration_ms_max, duration_buckets::text from " + table + " where "
                + timeColumn + " >= ? and " + timeColumn + " < ?" + (workflowId == null ? "" : " and workflow_id = ?")
                + " order by " + timeColumn;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            try (ResultSet row = ranged(statement, from, to, workflowId).executeQuery()) {
                while (row.next()) {
                    rows.add(new RollupRow(row.getObject(1, OffsetDateTime.class), row.getObject(2, UUID.class),
                            row.getString(3), row.getString(4), row.getString(5), row.getLong(6), row.getLong(7),
                            row.getLong(8), histogram(row.getString(9))));
                }
            }
        }
    }

    /** {@code statement} with its parameters: the range [from, to) and, when not null, the workflow. */
    static PreparedStatement ranged(PreparedStatement statement, OffsetDateTime from, OffsetDateTime to,
                                    UUID workflowId) throws SQLException {
        statement.setObject(1, from);
        statement.setObject(2, to);
        if (workflowId != null) {
            statement.setObject(3, workflowId);
        }
        return statement;
    }

    /** What a rollup row is kept per: the start of its hour or day, workflow, status, trigger kind, error class. */
    private record Key(OffsetDateTime time, UUID workflowId, String status, String triggerKind, String errorClass) {
    }

    private int fold(Connection connection, List<FoldedEnding> endings, boolean waitForHeld) throws SQLException {
        // Rows are added in key order: two folds adding to the same hours then lock them in the same order (in
        // arrival order, they deadlocked).
        Comparator<Key> keyOrder = Comparator.comparing(Key::time).thenComparing(Key::workflowId)
                .thenComparing(Key::status).thenComparing(Key::triggerKind).thenComparing(Key::errorClass);
        Map<Key, long[]> sums = new TreeMap<>(keyOrder);
        Map<Key, long[]> histograms = new HashMap<>();
        Map<Key, long[]> daySums = new TreeMap<>(keyOrder);
        Map<Key, long[]> dayHistograms = new HashMap<>();
        AmountFolding amounts = new AmountFolding();
        int folded = 0;
        // waiting for held rows: once their folder commits they are gone (PostgreSQL skips a locked row that was
        // deleted meanwhile); locks are taken in id order by every folder, so two waiting folds cannot deadlock
        try (PreparedStatement take = connection.prepareStatement("""
                delete from run_endings where id in (
                    select id from run_endings order by id limit ? for update%s)
                returning workflow_id, status, trigger_kind, error_class, ended_at, duration_ms, amount, currency,
                          amount_kind, fee"""
                .formatted(waitForHeld ? "" : " skip locked"))) {
            take.setInt(1, BATCH);
            try (ResultSet row = take.executeQuery()) {
                while (row.next()) {
                    folded++;
                    OffsetDateTime hour = row.getObject("ended_at", OffsetDateTime.class)
                            .withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
                    String errorClass = row.getString("error_class");
                    Key key = new Key(hour, row.getObject("workflow_id", UUID.class), row.getString("status"),
                            row.getString("trigger_kind"), errorClass == null ? "" : errorClass);
                    long duration = row.getLong("duration_ms");
                    endings.add(new FoldedEnding(key.workflowId(), key.status(), key.triggerKind(), key.errorClass(),
                            duration));
                    add(sums, histograms, key, duration);
                    add(daySums, dayHistograms, new Key(startOfDay(hour), key.workflowId(), key.status(),
                            key.triggerKind(), key.errorClass()), duration);
                    amounts.add(hour, key.workflowId(), row.getBigDecimal("amount"), row.getString("currency"),
                            row.getString("amount_kind"), row.getBigDecimal("fee"));
                }
            }
        }
        if (folded == 0) {
            return 0;
        }
        // A workflow deleted since its runs ended has no rollups (they would go with it anyway). Hours first, then
        // days, each in key order: concurrent folds lock rows in one order.
        upsert(connection, "run_rollups", "hour", sums, histograms);
        upsert(connection, "run_rollups_daily", "day", daySums, dayHistograms);
        amounts.upsert(connection);
        return folded;
    }

    private static <K> void add(Map<K, long[]> sums, Map<K, long[]> histograms, K key, long duration) {
        long[] sum = sums.computeIfAbsent(key, k -> new long[3]);
        sum[0]++;
        sum[1] += duration;
        sum[2] = Math.max(sum[2], duration);
        histograms.computeIfAbsent(key, k -> new long[DurationBuckets.COUNT])[DurationBuckets.of(duration)]++;
    }

    private static void upsert(Connection connection, String table, String timeColumn, Map<Key, long[]> sums,
                               Map<Key, long[]> histograms) throws SQLException {
        String sql = """
                insert into %1$s (%2$s, workflow_id, status, trigger_kind, error_class, runs, duration_ms_sum,
                                  duration_ms_max, duration_buckets)
                select ?, ?, ?, ?, ?, ?, ?, ?, ? where exists (select 1 from workflows where id = ?)
                on conflict (%2$s, workflow_id, status, trigger_kind, error_class) do update set
                    runs = %1$s.runs + excluded.runs,
                    duration_ms_sum = %1$s.duration_ms_sum + excluded.duration_ms_sum,
                    duration_ms_max = greatest(%1$s.duration_ms_max, excluded.duration_ms_max),
                    duration_buckets = add_histograms(%1$s.duration_buckets, excluded.duration_buckets)"""
                .formatted(table, timeColumn);
        try (PreparedStatement add = connection.prepareStatement(sql)) {
            for (Map.Entry<Key, long[]> entry : sums.entrySet()) {
                Key key = entry.getKey();
                long[] sum = entry.getValue();
                add.setObject(1, key.time());
                add.setObject(2, key.workflowId());
                add.setString(3, key.status());
                add.setString(4, key.triggerKind());
                add.setString(5, key.errorClass());
                add.setLong(6, sum[0]);
                add.setLong(7, sum[1]);
                add.setLong(8, sum[2]);
                add.setArray(9, connection.createArrayOf("integer", boxed(histograms.get(key))));
                add.setObject(10, key.workflowId());
                add.addBatch();
            }
            add.executeBatch();
        }
    }

    private static Integer[] boxed(long[] histogram) {
        Integer[] boxed = new Integer[histogram.length];
        for (int i = 0; i < histogram.length; i++) {
            boxed[i] = (int) histogram[i];
        }
        return boxed;
    }

    /** A histogram from PostgreSQL's text form of an integer array, {@code {0,3,12,…}} (null elements count 0). */
    static long[] histogram(String text) {
        long[] histogram = new long[DurationBuckets.COUNT];
        if (text == null) {
            return histogram;
        }
        int index = 0;
        long value = 0;
        for (int i = 1; i < text.length() && index < histogram.length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
            } else if (c == ',' || c == '}') {
                histogram[index++] = value;
                value = 0;
            }
        }
        return histogram;
    }
}
