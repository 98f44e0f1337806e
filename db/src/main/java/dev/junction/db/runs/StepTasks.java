package dev.junction.db.runs;

import dev.junction.db.sql.Sql;
import dev.junction.engine.runs.NextTask;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** Queues the tasks of a run's next nodes (a task already queued for the same node and item is kept). */
final class StepTasks {

    private StepTasks() {
    }

    /** Inserts the tasks in one statement (none: no statement). */
    static void insert(DSLContext tx, UUID runId, List<NextTask> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        List<Object> values = new ArrayList<>(tasks.size() * 4);
        for (NextTask task : tasks) {
            values.add(runId);
            values.add(task.nodeId());
            values.add(task.forEachId());
            values.add(task.itemIndex());
        }
        Sql.update(tx, "insert into step_tasks (run_id, node_id, for_each_id, item_index) values "
                + String.join(", ", Collections.nCopies(tasks.size(), "(?, ?, ?, ?::integer)"))
                + " on conflict do nothing", values.toArray());
    }
}
