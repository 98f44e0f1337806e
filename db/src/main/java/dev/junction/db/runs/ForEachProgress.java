package dev.junction.db.runs;

import dev.junction.db.sql.Sql;
import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.runs.NextTask;
import dev.junction.engine.runs.StepRecord;
import dev.junction.engine.runs.Transition;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A forEach's progress through its items ({@code for_each_progress}): at most {@code concurrency} items open at once,
 * the next one started when one ends, each item's result kept in its place; once every item has ended, the
 * forEach's own step succeeds with the results and its done port's nodes are queued. Runs inside the completing
 * transaction, which holds the run's row.
 */
final class ForEachProgress {

    private ForEachProgress() {
    }

    static void start(DSLContext tx, LockedRun run, Transition.ForEachStart start) {
        int total = start.items().size();
        int first = start.bodyEntries().isEmpty() ? total : Math.min(start.concurrency(), total);
        List<Object> results = new ArrayList<>(Collections.nCopies(total, null));
        Sql.update(tx, """
                        insert into for_each_progress (run_id, for_each_id, items, total, concurrency, next_index,
                                                       done_count, body_entries, done_entries, results)
                        values (?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb)
                        on conflict (run_id, for_each_id) do update set items = excluded.items,
                            total = excluded.total, concurrency = excluded.concurrency,
                            next_index = excluded.next_index, done_count = excluded.done_count,
                            body_entries = excluded.body_entries, done_entries = excluded.done_entries,
                            results = excluded.results""",
                run.id(), start.forEachId(), new Sql.Json(PayloadJson.write(start.items())), total,
                start.concurrency(), first, start.bodyEntries().isEmpty() ? total : 0,
                start.bodyEntries().toArray(String[]::new), start.doneEntries().toArray(String[]::new),
                new Sql.Json(PayloadJson.write(results)));
        if (start.bodyEntries().isEmpty()) {
            finish(tx, run, start.forEachId(), results, start.doneEntries());
            return;
        }
        for (int index = 0; index < first; index++) {
            insertItemTasks(tx, run.id(), start.forEachId(), index, start.bodyEntries());
        }
    }

    private record Progress(List<Object> results, int total, int nextIndex, int doneCount, List<String> bodyEntries,
                            List<String> doneEntries) {
    }

    static void endItem(DSLContext tx, LockedRun run, Transition.ItemEnd end) {
        Progress progress = Sql.queryOne(tx, """
                        select results::text as results, total, next_index, done_count, body_entries, done_entries
                        from for_each_progress where run_id = ? and for_each_id = ?""",
                row -> {
                    @SuppressWarnings("unchecked")
                    List<Object> results = (List<Object>) PayloadJson.read(row.getString("results"));
                    return new Progress(results, row.getInt("total"), row.getInt("next_index"),
                            row.getInt("done_count"), texts(row.getArray("body_entries")),
                            texts(row.getArray("done_entries")));
                }, run.id(), end.forEachId());
        if (progress == null) {
            throw new IllegalStateException("forEach " + end.forEachId() + " of run " + run.id() + " has no progress");
        }
        List<Object> results = progress.results();
        results.set(end.itemIndex(), end.result());
        boolean itemOpen = Sql.queryOne(tx, """
                        select exists (select 1 from step_tasks where run_id = ? and for_each_id = ?
                                       and item_index = ?) as open""",
                row -> row.getBoolean("open"), run.id(), end.forEachId(), end.itemIndex());
        int doneCount = progress.doneCount();
        int nextIndex = progress.nextIndex();
        if (!itemOpen) {
            doneCount++;
            if (nextIndex < progress.total()) {
                insertItemTasks(tx, run.id(), end.forEachId(), nextIndex, progress.bodyEntries());
                nextIndex++;
            }
        }
        Sql.update(tx, """
                        update for_each_progress set results = ?::jsonb, done_count = ?, next_index = ?
                        where run_id = ? and for_each_id = ?""",
                new Sql.Json(PayloadJson.write(results)), doneCount, nextIndex, run.id(), end.forEachId());
        if (!itemOpen && doneCount >= progress.total()) {
            finish(tx, run, end.forEachId(), results, progress.doneEntries());
        }
    }

    /** Every item ended: the forEach succeeds with the items' results and its done port's nodes run. */
    private static void finish(DSLContext tx, LockedRun run, String forEachId, List<Object> results,
                               List<String> doneEntries) {
        new StepWrites().step(StepRecord.forEachDone(forEachId, Map.of("items", results), Instant.now()), false)
                .write(tx, run.id(), run.generation(), null);
        StepTasks.insert(tx, run.id(), doneEntries.stream().map(NextTask::of).toList());
    }

    private static void insertItemTasks(DSLContext tx, UUID runId, String forEachId, int index, List<String> entries) {
        StepTasks.insert(tx, runId, entries.stream().map(node -> new NextTask(node, forEachId, index)).toList());
    }

    private static List<String> texts(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
