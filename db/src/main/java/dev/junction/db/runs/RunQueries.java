package dev.junction.db.runs;

import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.runs.RunStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static dev.junction.db.schema.Tables.PAYLOADS;
import static dev.junction.db.schema.Tables.RUNS;
import static dev.junction.db.schema.Tables.STEPS;
import static dev.junction.db.schema.Tables.STEP_TASKS;
import static dev.junction.db.schema.Tables.WORKFLOWS;
import static dev.junction.db.schema.Tables.WORKFLOW_VERSIONS;

/** Runs as people look at them: filtered lists with keyset pagination, and one run with its steps. */
public class RunQueries {

    /** The columns of a {@link RunSummary}: never a payload (a list of a million runs reads none). */
    private static final List<org.jooq.SelectField<?>> SUMMARY_FIELDS = List.of(RUNS.ID, RUNS.WORKFLOW_ID,
            WORKFLOWS.NAME, RUNS.WORKFLOW_VERSION, RUNS.TRIGGER_KIND, RUNS.BUSINESS_KEY, RUNS.STATUS,
            RUNS.ERROR_CLASS, RUNS.ERROR_MESSAGE, RUNS.FAILED_NODE_ID, RUNS.REPLAYS, RUNS.PARENT_RUN_ID,
            RUNS.CREATED_AT, RUNS.STARTED_AT, RUNS.FINISHED_AT, RUNS.STOP_AFTER_NODE);

    private final DSLContext db;

    public RunQueries(DSLContext db) {
        this.db = db;
    }

    /**
     * Runs matching the filter, newest first, {@code limit} at most, after the {@code cursor} of an earlier page
     * (null for the first page).
     *
     * @throws IllegalArgumentException when the cursor is not one this class gave out
     */
    public RunPage list(RunFilter filter, String cursor, int limit) {
        List<Condition> conditions = conditions(filter);
        if (cursor != null) {
            Position after = Position.decode(cursor);
            conditions.add(DSL.row(RUNS.CREATED_AT, RUNS.ID).lt(after.createdAt(), after.id()));
        }
        List<RunSummary> rows = db.select(SUMMARY_FIELDS)
                .from(RUNS).join(WORKFLOWS).on(WORKFLOWS.ID.eq(RUNS.WORKFLOW_ID))
                .where(conditions)
                .orderBy(RUNS.CREATED_AT.desc(), RUNS.ID.desc())
                .limit(limit + 1)
                .fetch(RunQueries::summary);
        if (rows.size() <= limit) {
            return new RunPage(rows, null);
        }
        List<RunSummary> page = rows.subList(0, limit);
        RunSummary last = page.getLast();
        return new RunPage(List.copyOf(page), new Position(last.createdAt(), last.id()).encode());
    }

    /**
     * How many runs match the filter, counting up to {@code cap} at most (a count of {@code cap} reads "cap or
     * more"): the list shows an exact total while it is cheap and "1,000+" beyond.
     */
    public int count(RunFilter filter, int cap) {
        return db.fetchCount(db.select(RUNS.ID).from(RUNS).where(conditions(filter)).limit(cap));
    }

    /**
     * Every run matching the filter, newest first, handed to {@code each} one at a time: read a page of
     * {@code chunk} at a time by the same keyset as {@link #list}, so that an export of a million runs holds one
     * chunk in memory (and no payloads at all).
     */
    public void forEach(RunFilter filter, int chunk, Consumer<RunSummary> each) {
        String cursor = null;
        do {
            RunPage page = list(filter, cursor, chunk);
            page.items().forEach(each);
            cursor = page.next();
        } while (cursor != null);
    }

    /** The ids of every run matching the filter (for bulk replay), oldest first, at most {@code limit}. */
    public List<UUID> ids(RunFilter filter, int limit) {
        return db.select(RUNS.ID).from(RUNS).where(conditions(filter))
                .orderBy(RUNS.CREATED_AT, RUNS.ID).limit(limit).fetch(RUNS.ID);
    }

    public Optional<RunDetail> find(UUID runId) {
        Record run = db.select(RUNS.asterisk(), WORKFLOWS.NAME)
                .from(RUNS).join(WORKFLOWS).on(WORKFLOWS.ID.eq(RUNS.WORKFLOW_ID))
                .where(RUNS.ID.eq(runId)).fetchOne();
        if (run == null) {
            return Optional.empty();
        }
        List<StepView> steps = new ArrayList<>();
        var inputRef = PAYLOADS.as("input_payload");
        var outputRef = PAYLOADS.as("output_payload");
        db.select(STEPS.asterisk(), inputRef.SIZE_BYTES, outputRef.SIZE_BYTES,
                        DSL.substring(inputRef.BODY.cast(String.class), 1, ShownPayload.PREVIEW_CHARACTERS)
                                .as("input_preview"),
                        DSL.substring(outputRef.BODY.cast(String.class), 1, ShownPayload.PREVIEW_CHARACTERS)
                                .as("output_preview"))
                .from(STEPS)
                .leftJoin(inputRef).on(inputRef.HASH.eq(STEPS.INPUT_REF))
                .leftJoin(outputRef).on(outputRef.HASH.eq(STEPS.OUTPUT_REF))
                .where(STEPS.RUN_ID.eq(runId))
                .orderBy(STEPS.ID)
                .forEach(row -> steps.add(new StepView(row.get(STEPS.ID), row.get(STEPS.GENERATION),
                        row.get(STEPS.NODE_ID), row.get(STEPS.FOR_EACH_ID), row.get(STEPS.ITEM_INDEX),
                        row.get(STEPS.ATTEMPT), row.get(STEPS.STATUS),
                        shown(row.get(STEPS.INPUT), row.get("input_preview", String.class),
                                row.get(inputRef.SIZE_BYTES)),
                        shown(row.get(STEPS.OUTPUT), row.get("output_preview", String.class),
                                row.get(outputRef.SIZE_BYTES)),
                        row.get(STEPS.ERROR_CLASS), row.get(STEPS.ERROR_MESSAGE), row.get(STEPS.REMOTE_STATUS),
                        row.get(STEPS.REMOTE_BODY), row.get(STEPS.RETRY_AT), row.get(STEPS.IDEMPOTENCY_KEY),
                        row.get(STEPS.STARTED_AT), row.get(STEPS.FINISHED_AT), null, row.get(STEPS.RETRY_DEADLINE),
                        row.get(STEPS.RETRY_BUDGET_SECONDS))));
        db.selectFrom(STEP_TASKS).where(STEP_TASKS.RUN_ID.eq(runId)).orderBy(STEP_TASKS.ID)
                .forEach(task -> steps.add(new StepView(null, run.get(RUNS.GENERATION), task.getNodeId(), task.getForEachId(),
                        task.getItemIndex(), task.getAttemptsBefore() + task.getAttempt(), pendingStatus(task.getLeaseOwner(),
                        task.getLeaseUntil(), task.getKind(), task.getDueAt()), null, null, null, null, null, null, null, null, null,
                        null, task.getDueAt().getYear() >= 9999 ? null : task.getDueAt(), task.getRetryDeadline(),
                        null)));
        return Optional.of(new RunDetail(summary(run), payload(run.get(RUNS.INPUT), run.get(RUNS.INPUT_REF)),
                payload(run.get(RUNS.OUTPUT), run.get(RUNS.OUTPUT_REF)), run.get(RUNS.GENERATION),
                RunStatus.CANCELLED.jsonName().equals(run.get(RUNS.STATUS)) ? cancelledWaits(steps) : steps));
    }

    /** A cancelled run's attempts that were still waiting (a delay, a subflow) when it was cancelled. */
    private static List<StepView> cancelledWaits(List<StepView> steps) {
        List<StepView> shown = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            StepView step = steps.get(i);
            boolean endedLater = false;
            for (StepView later : steps.subList(i + 1, steps.size())) {
                endedLater |= later.generation() == step.generation() && later.nodeId().equals(step.nodeId())
                        && Objects.equals(later.forEachId(), step.forEachId())
                        && Objects.equals(later.itemIndex(), step.itemIndex());
            }
            shown.add(!"waiting".equals(step.status()) || endedLater ? step : new StepView(step.id(),
                    step.generation(), step.nodeId(), step.forEachId(), step.itemIndex(), step.attempt(),
                    RunStatus.CANCELLED.jsonName(), step.input(), step.output(), step.errorClass(),
                    step.errorMessage(), step.remoteStatus(), step.remoteBody(), step.retryAt(),
                    step.idempotencyKey(), step.startedAt(), step.finishedAt(), step.dueAt(), step.retryDeadline(),
                    step.retryBudgetSeconds()));
        }
        return shown;
    }

    /**
     * What a task not yet done shows as: running while a worker holds its lease; waiting for its subflow, or for its
     * time (a delay's timer, a wait's next poll, a retry's backoff: {@code dueAt} shows when); queued when it is due
     * and waits only for a worker.
     */
    private static String pendingStatus(String owner, OffsetDateTime leaseUntil, String kind, OffsetDateTime dueAt) {
        OffsetDateTime now = OffsetDateTime.now();
        if (owner != null && leaseUntil != null && leaseUntil.isAfter(now)) {
            return "running";
        }
        return "wait_child".equals(kind) || dueAt.isAfter(now) ? "waiting" : "queued";
    }

    private ShownPayload payload(JSONB inline, String ref) {
        if (ref == null) {
            return inline == null ? null : new ShownPayload(PayloadJson.read(inline.data()), false,
                    inline.data().length());
        }
        Record row = db.select(PAYLOADS.SIZE_BYTES,
                        DSL.substring(PAYLOADS.BODY.cast(String.class), 1, ShownPayload.PREVIEW_CHARACTERS))
                .from(PAYLOADS).where(PAYLOADS.HASH.eq(ref)).fetchSingle();
        return new ShownPayload(row.get(1, String.class), true, row.get(PAYLOADS.SIZE_BYTES));
    }

    private static ShownPayload shown(JSONB inline, String preview, Integer size) {
        if (inline != null) {
            return new ShownPayload(PayloadJson.read(inline.data()), false, inline.data().length());
        }
        return preview == null ? null : new ShownPayload(preview, true, size);
    }

    /**
     * The runs of the workflow versions that use connection {@code id}, as a condition on the runs' own columns:
     * the (few) versions are looked up first, so that the list then walks the workflow index (a semi-join against
     * the versions made PostgreSQL scan every run when few or none matched: 2.7 s on a million runs).
     */
    private Condition versionsUsing(String id) {
        Map<UUID, List<Integer>> versions = new LinkedHashMap<>();
        db.select(WORKFLOW_VERSIONS.WORKFLOW_ID, WORKFLOW_VERSIONS.VERSION).from(WORKFLOW_VERSIONS)
                .where(usesConnection(id))
                .forEach(row -> versions.computeIfAbsent(row.value1(), any -> new ArrayList<>()).add(row.value2()));
        return versions.entrySet().stream()
                .map(entry -> RUNS.WORKFLOW_ID.eq(entry.getKey()).and(RUNS.WORKFLOW_VERSION.in(entry.getValue())))
                .reduce(Condition::or).orElse(DSL.falseCondition());
    }

    /**
     * The runs of the workflows tagged {@code tag} (archived ones too: their runs stay listed), as a condition on the
     * runs' own column: the workflows are looked up first (the GIN index on their tags), for the reason given at
     * {@link #versionsUsing} — a semi-join would have PostgreSQL walk every run when few or none match.
     */
    private Condition workflowsTagged(String tag) {
        List<UUID> tagged = db.select(WORKFLOWS.ID).from(WORKFLOWS)
                .where(dev.junction.db.workflows.WorkflowRepository.tagged(tag)).fetch(WORKFLOWS.ID);
        return tagged.isEmpty() ? DSL.falseCondition() : RUNS.WORKFLOW_ID.in(tagged);
    }

    /**
     * Whether a workflow version's definition uses connection {@code id}: a node's {@code config.connection}, the
     * trigger's (a poll) or its webhook verification's.
     */
    static Condition usesConnection(String id) {
        return DSL.condition("jsonb_path_exists({0}, cast({1} as jsonpath), jsonb_build_object('c', cast({2} as text)))",
                WORKFLOW_VERSIONS.DEFINITION, DSL.inline("$ ? (@.nodes[*].config.connection == $c"
                        + " || @.trigger.config.connection == $c || @.trigger.config.verification.connection == $c)"),
                DSL.val(id));
    }

    private List<Condition> conditions(RunFilter filter) {
        List<Condition> conditions = new ArrayList<>();
        if (filter.workflowId() != null) {
            conditions.add(RUNS.WORKFLOW_ID.eq(filter.workflowId()));
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            conditions.add(RUNS.STATUS.in(filter.statuses().stream().map(RunStatus::jsonName).toList()));
        }
        if (filter.businessKey() != null) {
            conditions.add(RUNS.BUSINESS_KEY.eq(filter.businessKey()));
        }
        if (filter.nodeId() != null) {
            conditions.add(RUNS.FAILED_NODE_ID.eq(filter.nodeId()));
        }
        if (filter.errorClass() != null) {
            conditions.add(RUNS.ERROR_CLASS.eq(filter.errorClass()));
        }
        if (filter.from() != null) {
            conditions.add(RUNS.CREATED_AT.ge(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add(RUNS.CREATED_AT.lt(filter.to()));
        }
        if (filter.version() != null) {
            conditions.add(RUNS.WORKFLOW_VERSION.eq(filter.version()));
        }
        if (filter.triggerKind() != null) {
            conditions.add(RUNS.TRIGGER_KIND.eq(filter.triggerKind()));
        }
        if (filter.category() != null) {
            conditions.add(RUNS.ERROR_CATEGORY.eq(filter.category().jsonName()));
        }
        if (filter.connection() != null) {
            conditions.add(versionsUsing(filter.connection()));
        }
        if (filter.tag() != null) {
            conditions.add(workflowsTagged(filter.tag()));
        }
        return conditions;
    }

    private static RunSummary summary(Record row) {
        return new RunSummary(row.get(RUNS.ID), row.get(RUNS.WORKFLOW_ID), row.get(WORKFLOWS.NAME),
                row.get(RUNS.WORKFLOW_VERSION), row.get(RUNS.TRIGGER_KIND), row.get(RUNS.BUSINESS_KEY),
                row.get(RUNS.STATUS), row.get(RUNS.ERROR_CLASS), row.get(RUNS.ERROR_MESSAGE),
                row.get(RUNS.FAILED_NODE_ID), row.get(RUNS.REPLAYS), row.get(RUNS.PARENT_RUN_ID),
                row.get(RUNS.CREATED_AT), row.get(RUNS.STARTED_AT), row.get(RUNS.FINISHED_AT),
                row.get(RUNS.STOP_AFTER_NODE));
    }

    /** Where a page ended: the last run's creation time (to the microsecond) and id. */
    private record Position(OffsetDateTime createdAt, UUID id) {

        String encode() {
            Instant at = createdAt.toInstant();
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((micros + "~" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("~");
                Instant at = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
                return new Position(at.atOffset(ZoneOffset.UTC), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("is not a cursor this API gave out");
            }
        }
    }
}
