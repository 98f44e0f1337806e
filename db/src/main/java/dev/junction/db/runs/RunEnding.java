package dev.junction.db.runs;

import dev.junction.engine.runs.PayloadJson;
import dev.junction.engine.runs.RunStatus;
import dev.junction.engine.runs.StepError;
import dev.junction.engine.runs.TaskKind;
import dev.junction.db.schema.tables.records.RunsRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static dev.junction.db.schema.Tables.RUNS;
import static dev.junction.db.schema.Tables.STEP_TASKS;

/** Ends a run (inside the caller's transaction) and wakes the subflow step of its parent run, if it has one. */
final class RunEnding {

    private RunEnding() {
    }

    static void finish(DSLContext tx, UUID runId, RunStatus status, Object output, StepError error) {
        Payloads.Stored stored = Payloads.store(tx, output);
        RunsRecord run = tx.update(RUNS)
                .set(RUNS.STATUS, status.jsonName())
                .set(RUNS.OUTPUT, stored.inline())
                .set(RUNS.OUTPUT_REF, stored.ref())
                .set(RUNS.ERROR_CLASS, error == null ? null : error.errorClass())
                .set(RUNS.ERROR_MESSAGE, error == null ? null : error.message())
                .set(RUNS.STARTED_AT, DSL.coalesce(RUNS.STARTED_AT, DSL.currentOffsetDateTime()))
                .set(RUNS.FINISHED_AT, DSL.currentOffsetDateTime())
                .set(RUNS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(RUNS.ID.eq(runId))
                .returning(RUNS.PARENT_RUN_ID, RUNS.PARENT_TASK_ID)
                .fetchSingle();
        if (run.getParentTaskId() != null) {
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("runId", runId.toString());
            outcome.put("status", status.jsonName());
            outcome.put("output", output);
            outcome.put("error", error == null ? null : error.errorClass() + ": " + error.message());
            tx.update(STEP_TASKS)
                    .set(STEP_TASKS.KIND, TaskKind.RESUME.dbName())
                    .set(STEP_TASKS.DUE_AT, DSL.currentOffsetDateTime())
                    .set(STEP_TASKS.RESUME_VALUE, JSONB.valueOf(PayloadJson.write(outcome)))
                    .where(STEP_TASKS.ID.eq(run.getParentTaskId()), STEP_TASKS.RUN_ID.eq(run.getParentRunId()),
                            STEP_TASKS.KIND.eq(TaskKind.WAIT_CHILD.dbName()))
                    .execute();
        }
    }

}
