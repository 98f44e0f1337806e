package dev.junction.db.runs;

import dev.junction.db.sql.Sql;
import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.runs.ClaimedTask;
import dev.junction.engine.runs.GroupCommit;
import dev.junction.engine.runs.NewRun;
import dev.junction.engine.runs.RunState;
import dev.junction.engine.runs.RunStore;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The engine's {@link RunStore} on PostgreSQL, one part per job: {@link RunIntake} (runs started),
 * {@link TaskClaims} (tasks claimed, postponed, released), {@link StepCompletion} (a worker's turn committed, the
 * next task chained, the run settled or ended) with {@link ForEachProgress} (a forEach's items); this class reads
 * what a claimed task's step sees. Every statement is plain SQL through {@link Sql}.
 *
 * <p>Completions may be committed in groups ({@code groupCompletions}; off by default, measured slower on 2 cores,
 * see docs/benchmarks.md): the turns that workers of this process finish while another
 * group commits wait for it, and are then committed together, in one transaction ({@link GroupCommit}, at most
 * {@value #MAX_COMPLETION_GROUP} turns); each worker is answered only after its group's commit. A turn whose own
 * statements fail is answered with its failure and the others are committed again without it.
 */
public class PostgresRunStore implements RunStore {

    private final DSLContext db;
    private final RunIntake intake;
    private final TaskClaims claims;
    private final StepCompletion completion;
    /** Group commit of completions; null when each completion commits on its own. */
    private final GroupCommit<StepCompletion.Pending, Completion> completionGroups;

    /** The most workers' turns committed in one transaction. */
    static final int MAX_COMPLETION_GROUP = 32;

    /** A store that commits each completion in its own transaction. */
    public PostgresRunStore(DSLContext db) {
        this(db, false);
    }

    /** With {@code groupCompletions} the completions of concurrent workers are committed in groups. */
    public PostgresRunStore(DSLContext db, boolean groupCompletions) {
        this.db = db;
        this.intake = new RunIntake(db);
        this.claims = new TaskClaims(db);
        this.completion = new StepCompletion(db);
        this.completionGroups = groupCompletions
                ? new GroupCommit<>(completion::completeGroup, MAX_COMPLETION_GROUP) : null;
    }

    @Override
    public List<UUID> start(List<NewRun> runs, PollCursor cursor) {
        return intake.start(runs, cursor);
    }

    @Override
    public ClaimedTask startLeased(NewRun run, String leaseOwner, Duration lease) {
        return intake.startLeased(run, leaseOwner, lease);
    }

    @Override
    public List<Started> startGroup(List<Intake> runs, String leaseOwner, Duration lease) {
        return intake.startGroup(runs, leaseOwner, lease);
    }

    /** Starts the run unless one was started under the same dedup key; see {@link RunIntake#startOnce}. */
    public DeduplicatedStart startOnce(NewRun run, String dedupKey) {
        return intake.startOnce(run, dedupKey);
    }

    @Override
    public Optional<ClaimedTask> claim(String workerId, Duration lease) {
        return claims.claim(workerId, lease);
    }

    @Override
    public boolean postpone(ClaimedTask task, Instant dueAt) {
        return claims.postpone(task, dueAt);
    }

    @Override
    public int release(List<String> workerIds) {
        return claims.release(workerIds);
    }

    /** How many workers' turns wait for a group's commit now (0 when completions are not grouped). */
    public int completionsWaiting() {
        return completionGroups == null ? 0 : completionGroups.queued();
    }

    @Override
    public Completion complete(List<FinishedStep> turn, Duration chainLease) {
        if (completionGroups == null) {
            return completion.complete(turn, chainLease);
        }
        return completionGroups.commit(new StepCompletion.Pending(List.copyOf(turn), chainLease));
    }

    @Override
    public RunState load(ClaimedTask task) {
        return db.connectionResult(connection -> {
            DSLContext on = DSL.using(connection, db.dialect());
            record Run(String businessKey, int generation, Object input, boolean soleTask, String stopAfterNode) {
            }
            Run run = Sql.queryOne(on, """
                    select r.business_key, r.generation, coalesce(r.input, p.body)::text as input,
                           (select count(*) from step_tasks t where t.run_id = r.id) = 1 as sole_task,
                           r.stop_after_node
                    from runs r left join payloads p on p.hash = r.input_ref where r.id = ?""",
                    row -> new Run(row.getString("business_key"), row.getInt("generation"),
                            text(row.getString("input")), row.getBoolean("sole_task"),
                            row.getString("stop_after_node")), task.runId());
            Map<String, Object> outputs = new LinkedHashMap<>();
            Sql.query(on, """
                            select distinct on (s.node_id) s.node_id, coalesce(s.output, p.body)::text as output
                            from steps s left join payloads p on p.hash = s.output_ref
                            where s.run_id = ? and s.generation = ? and (s.output is not null or s.output_ref is not null)
                              and (s.item_index is null or (s.for_each_id = ? and s.item_index = ?))
                            order by s.node_id, s.item_index is not null desc, s.id desc""",
                    row -> outputs.put(row.getString("node_id"), text(row.getString("output"))),
                    task.runId(), run.generation(), task.forEachId(), task.itemIndex());
            Map<String, Object> vars = new LinkedHashMap<>();
            if (task.itemIndex() != null) {
                Object item = Sql.queryOne(on, """
                                select (items -> ?)::text as item from for_each_progress
                                where run_id = ? and for_each_id = ?""",
                        row -> text(row.getString("item")), task.itemIndex(), task.runId(), task.forEachId());
                vars.put("item", item);
                vars.put("index", task.itemIndex().longValue());
            }
            return new RunState(task.runId(), run.businessKey(), run.input(), outputs, vars, run.soleTask(),
                    run.stopAfterNode());
        });
    }

    @Override
    public Optional<IdempotentOutput> idempotentOutput(String idempotencyKey) {
        return Optional.ofNullable(Sql.queryOne(db, "select output::text as output from idempotency_records"
                        + " where key = ?", row -> new IdempotentOutput(text(row.getString("output"))),
                idempotencyKey));
    }

    private static Object text(String json) {
        return json == null ? null : PayloadJson.read(json);
    }
}
