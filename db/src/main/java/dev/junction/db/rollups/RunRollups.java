package dev.junction.db.rollups;

import org.jooq.DSLContext;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The hourly rollups of ended runs. A run's end appends a row to {@code run_endings} in the transaction that ends it
 * (see {@code RunEnding}); {@link #fold} moves a batch of those rows into {@code run_rollups}, adding them to the
 * hour's row. Folding deletes the rows it adds in the same transaction, and rows another node is folding are skipped
 * ({@code for update skip locked}): every ending is counted exactly once, whichever node folds it.
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
        List<FoldedEnding> endings = new ArrayList<>();
        int folded = db.transactionResult(configuration -> configuration.dsl().connectionResult(connection ->
                fold(connection, endings)));
        if (!endings.isEmpty()) {
            listener.accept(endings);
        }
        return folded;
    }

    /** Folds until no ending waits; returns how many it folded. */
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
            String sql = """
                    select hour, workflow_id, status, trigger_kind, error_class, runs, duration_ms_sum,
                           duration_ms_max, duration_buckets
                    from run_rollups where hour >= ? and hour < ?""" + (workflowId == null ? "" : " and workflow_id = ?")
                    + " order by hour";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, from.truncatedTo(ChronoUnit.HOURS));
                statement.setObject(2, to);
                if (workflowId != null) {
                    statement.setObject(3, workflowId);
                }
                List<RollupRow> rows = new ArrayList<>();
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        rows.add(new RollupRow(row.getObject("hour", OffsetDateTime.class),
                                row.getObject("workflow_id", UUID.class), row.getString("status"),
                                row.getString("trigger_kind"), row.getString("error_class"), row.getLong("runs"),
                                row.getLong("duration_ms_sum"), row.getLong("duration_ms_max"),
                                histogram(row.getArray("duration_buckets"))));
                    }
                }
                return rows;
            }
        });
    }

    private int fold(Connection connection, List<FoldedEnding> endings) throws SQLException {
        record Key(OffsetDateTime hour, UUID workflowId, String status, String triggerKind, String errorClass) {
        }
        Map<Key, long[]> sums = new LinkedHashMap<>();
        Map<Key, long[]> histograms = new LinkedHashMap<>();
        int folded = 0;
        try (PreparedStatement take = connection.prepareStatement("""
                delete from run_endings where id in (
                    select id from run_endings order by id limit ? for update skip locked)
                returning workflow_id, status, trigger_kind, error_class, ended_at, duration_ms""")) {
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
                    long[] sum = sums.computeIfAbsent(key, k -> new long[3]);
                    sum[0]++;
                    sum[1] += duration;
                    sum[2] = Math.max(sum[2], duration);
                    histograms.computeIfAbsent(key, k -> new long[DurationBuckets.COUNT])[DurationBuckets.of(duration)]++;
                }
            }
        }
        if (folded == 0) {
            return 0;
        }
        // A workflow deleted since its runs ended has no rollups (they would go with it anyway).
        try (PreparedStatement add = connection.prepareStatement("""
                insert into run_rollups (hour, workflow_id, status, trigger_kind, error_class, runs, duration_ms_sum,
                                         duration_ms_max, duration_buckets)
                select ?, ?, ?, ?, ?, ?, ?, ?, ? where exists (select 1 from workflows where id = ?)
                on conflict (hour, workflow_id, status, trigger_kind, error_class) do update set
                    runs = run_rollups.runs + excluded.runs,
                    duration_ms_sum = run_rollups.duration_ms_sum + excluded.duration_ms_sum,
                    duration_ms_max = greatest(run_rollups.duration_ms_max, excluded.duration_ms_max),
                    duration_buckets = add_histograms(run_rollups.duration_buckets, excluded.duration_buckets)""")) {
            for (Map.Entry<Key, long[]> entry : sums.entrySet()) {
                Key key = entry.getKey();
                long[] sum = entry.getValue();
                add.setObject(1, key.hour());
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
        return folded;
    }

    private static Integer[] boxed(long[] histogram) {
        Integer[] boxed = new Integer[histogram.length];
        for (int i = 0; i < histogram.length; i++) {
            boxed[i] = (int) histogram[i];
        }
        return boxed;
    }

    private static long[] histogram(Array array) throws SQLException {
        long[] histogram = new long[DurationBuckets.COUNT];
        if (array == null) {
            return histogram;
        }
        Object[] counts = (Object[]) array.getArray();
        for (int i = 0; i < Math.min(counts.length, histogram.length); i++) {
            histogram[i] = counts[i] == null ? 0 : ((Number) counts[i]).longValue();
        }
        return histogram;
    }
}
