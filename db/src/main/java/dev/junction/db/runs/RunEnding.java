package dev.junction.db.runs;

import dev.junction.db.errors.ErrorGroupWrites;
import dev.junction.db.errors.MessageTemplate;
import dev.junction.db.sql.Sql;
import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.runs.ErrorCategory;
import dev.junction.engine.runs.RunStatus;
import dev.junction.engine.runs.StepError;
import dev.junction.engine.runs.TaskKind;
import org.jooq.DSLContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Ends a run (inside the caller's transaction) and wakes the subflow step of its parent run, if it has one. */
final class RunEnding {

    private RunEnding() {
    }

    static void finish(DSLContext tx, UUID runId, RunStatus status, Object output, StepError error) {
        Payloads.Stored stored = Payloads.store(tx, output);
        record Parent(UUID runId, Long taskId) {
        }
        // The ending is also appended to run_endings (folded into the dashboards' rollups, see RunRollups);
        // designer test runs are not counted. A failure counts in its error group; a success resolves the open
        // failures of its business key (see ErrorGroupWrites). A run that succeeds records its business amount, if
        // its workflow says where it is (workflow_amount_settings, V36). The run keeps its error's category for the runs
        // list's category filter.
        String template = error == null ? null : MessageTemplate.of(error.message());
        String category = error == null ? null : ErrorCategory.of(error.errorClass()).jsonName();
        Parent run = Sql.queryOne(tx, """
                        with ended as (
                            update runs set status = ?, output = ?::jsonb, output_ref = ?, error_class = ?,
                                   error_category = ?, error_message = ?, started_at = coalesce(started_at, now()), finished_at = now(),
                                   updated_at = now()
                            where id = ?
                            returning id, workflow_id, status, trigger_kind, business_key, error_class, error_message,
                                      failed_node_id, started_at, finished_at, parent_run_id, parent_task_id),
                        counted as (
                            insert into run_endings (run_id, workflow_id, status, trigger_kind, error_class, ended_at,
                                                     duration_ms, amount, currency, amount_kind, fee)
                            select e.id, e.workflow_id, e.status, e.trigger_kind, e.error_class, e.finished_at,
                                   greatest(0, (extract(epoch from e.finished_at - e.started_at) * 1000)::bigint),
                                   a.amount, a.currency, a.amount_kind, a.fee
                            from ended e left join lateral run_amount(e.id, e.workflow_id, e.status) a on true
                            where e.trigger_kind <> 'test'),
                        """ + ErrorGroupWrites.FAILURE_CTES + ",\n" + ErrorGroupWrites.SUCCESS_CTES + "\n" + """
                        select parent_run_id, parent_task_id from ended""",
                row -> new Parent(row.getObject("parent_run_id", UUID.class),
                        row.getObject("parent_task_id") == null ? null : row.getLong("parent_task_id")),
                status.jsonName(), stored.inline() == null ? null : new Sql.Json(stored.inline().data()), stored.ref(),
                error == null ? null : error.errorClass(), category, error == null ? null : error.message(), runId,
                template, category, template);
        if (run.taskId() != null) {
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("runId", runId.toString());
            outcome.put("status", status.jsonName());
            outcome.put("output", output);
            outcome.put("error", error == null ? null : error.errorClass() + ": " + error.message());
            Sql.update(tx, "update step_tasks set kind = ?, due_at = now(), resume_value = ?::jsonb"
                            + " where id = ? and run_id = ? and kind = ?",
                    TaskKind.RESUME.dbName(), new Sql.Json(PayloadJson.write(outcome)), run.taskId(), run.runId(),
                    TaskKind.WAIT_CHILD.dbName());
        }
    }
}
