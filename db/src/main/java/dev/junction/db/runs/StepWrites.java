package dev.junction.db.runs;

import dev.junction.db.sql.Sql;
import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.runs.StepError;
import dev.junction.engine.runs.StepRecord;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * What a completion writes of its steps, in one statement (one round trip): the step records of a worker's turn,
 * the outputs remembered under idempotency keys, and the removal of the finished task's row when nothing takes it
 * over. The statements of a completion that follow (the run's settling, the tasks that follow) see these writes.
 */
final class StepWrites {

    private static final String STEP_COLUMNS = """
            insert into steps (run_id, generation, node_id, for_each_id, item_index, attempt, status, input, input_ref,
                               output, output_ref, output_size, error_class, error_message, remote_status, remote_body,
                               retry_at, idempotency_key, worker_id, started_at, finished_at, retry_deadline,
                               retry_budget_seconds)
            values\s""";
    private static final String STEP_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final List<StepRecord> steps = new ArrayList<>();
    private final List<StepRecord> remembered = new ArrayList<>();
    private Long finishedTaskId;

    /** A step's record; {@code remember}: its output is also kept under its idempotency key. */
    StepWrites step(StepRecord step, boolean remember) {
        steps.add(step);
        if (remember) {
            remembered.add(step);
        }
        return this;
    }

    /** The finished task's row goes too. */
    StepWrites removingTask(long taskId) {
        finishedTaskId = taskId;
        return this;
    }

    void write(DSLContext tx, UUID runId, int generation, String workerId) {
        StringBuilder sql = new StringBuilder();
        List<Object> values = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        if (finishedTaskId != null) {
            parts.add("finished as (delete from step_tasks where id = ?)");
            values.add(finishedTaskId);
        }
        if (!remembered.isEmpty()) {
            parts.add("remembered as (insert into idempotency_records (key, output) values "
                    + String.join(", ", Collections.nCopies(remembered.size(), "(?, ?::jsonb)"))
                    + " on conflict do nothing)");
            for (StepRecord step : remembered) {
                values.add(step.idempotencyKey());
                values.add(step.output() == null ? null : new Sql.Json(PayloadJson.write(step.output())));
            }
        }
        if (!parts.isEmpty()) {
            sql.append("with ").append(String.join(", ", parts)).append('\n');
        }
        sql.append(STEP_COLUMNS).append(String.join(", ", Collections.nCopies(steps.size(), STEP_VALUES)));
        for (StepRecord step : steps) {
            Payloads.Stored input = Payloads.store(tx, step.input());
            Payloads.Stored output = Payloads.store(tx, step.output());
            StepError error = step.error();
            values.addAll(Arrays.asList(runId, generation, step.nodeId(), step.forEachId(), step.itemIndex(),
                    step.attempt(), step.status().jsonName(), json(input), input.ref(), json(output), output.ref(),
                    output.size(), error == null ? null : error.errorClass(), error == null ? null : error.message(),
                    error == null ? null : error.remoteStatus(), error == null ? null : error.remoteBody(),
                    at(step.retryAt()), step.idempotencyKey(), workerId, at(step.startedAt()),
                    at(step.finishedAt()), step.retryWindow() == null ? null : at(step.retryWindow().deadline()),
                    step.retryWindow() == null ? null : step.retryWindow().budget().toSeconds()));
        }
        Sql.update(tx, sql.toString(), values.toArray());
    }

    private static Sql.Json json(Payloads.Stored stored) {
        return stored.inline() == null ? null : new Sql.Json(stored.inline().data());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
