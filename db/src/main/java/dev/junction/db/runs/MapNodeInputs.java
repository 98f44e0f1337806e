package dev.junction.db.runs;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Row3;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.junction.db.schema.Tables.PAYLOADS;
import static dev.junction.db.schema.Tables.RUNS;
import static dev.junction.db.schema.Tables.STEPS;
import static dev.junction.db.schema.Tables.WORKFLOWS;

/**
 * What the map nodes that run a stored mapping were given in recent runs, newest run first: the value each such step
 * mapped (its recorded input; first attempt, a forEach item once). A step recorded before map steps kept their input
 * counts with the run's input when its node has no {@code source} expression (it then maps the trigger's payload).
 * A map node names its stored mapping in {@code config.mapping}; which nodes did is read from the workflow version
 * each run ran.
 */
public class MapNodeInputs {

    private final DSLContext db;

    public MapNodeInputs(DSLContext db) {
        this.db = db;
    }

    /** One map node's input in one run; {@code input} is null when it is larger than the caller takes. */
    public record MapNodeInput(UUID runId, String workflowName, String nodeId, Integer itemIndex,
                               OffsetDateTime runCreatedAt, Object input, int sizeBytes) {
    }

    /**
     * The inputs of the map nodes running {@code mappingId} in the most recent runs, at most {@code limit}, newest
     * first; an input over {@code maxBytes} is answered without its value.
     */
    public List<MapNodeInput> recent(UUID mappingId, int limit, int maxBytes) {
        Map<String, Boolean> givenSource = new HashMap<>();
        List<Row3<UUID, Integer, String>> nodes = db.resultQuery("""
                        select v.workflow_id, v.version, n ->> 'id', (n -> 'config' -> 'source') is not null
                        from workflow_versions v, jsonb_array_elements(v.definition -> 'nodes') n
                        where n ->> 'type' = 'map' and n -> 'config' ->> 'mapping' = ?""", mappingId.toString())
                .fetch(row -> {
                    Row3<UUID, Integer, String> node = DSL.row(row.get(0, UUID.class), row.get(1, Integer.class),
                            row.get(2, String.class));
                    givenSource.put(key(row.get(0, UUID.class), row.get(1, Integer.class), row.get(2, String.class)),
                            Boolean.TRUE.equals(row.get(3, Boolean.class)));
                    return node;
                });
        if (nodes.isEmpty()) {
            return List.of();
        }
        var stepPayload = PAYLOADS.as("step_input_payload");
        var runPayload = PAYLOADS.as("run_input_payload");
        List<MapNodeInput> inputs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Record row : db.select(STEPS.RUN_ID, STEPS.NODE_ID, STEPS.ITEM_INDEX, STEPS.INPUT, RUNS.WORKFLOW_ID,
                        RUNS.WORKFLOW_VERSION, RUNS.INPUT, RUNS.CREATED_AT, WORKFLOWS.NAME,
                        stepPayload.SIZE_BYTES, runPayload.SIZE_BYTES,
                        DSL.when(stepPayload.SIZE_BYTES.le(maxBytes), stepPayload.BODY).as("step_input_large"),
                        DSL.when(runPayload.SIZE_BYTES.le(maxBytes), runPayload.BODY).as("run_input_large"))
                .from(RUNS).join(STEPS).on(STEPS.RUN_ID.eq(RUNS.ID))
                .join(WORKFLOWS).on(WORKFLOWS.ID.eq(RUNS.WORKFLOW_ID))
                .leftJoin(stepPayload).on(stepPayload.HASH.eq(STEPS.INPUT_REF))
                .leftJoin(runPayload).on(runPayload.HASH.eq(RUNS.INPUT_REF))
                .where(DSL.row(RUNS.WORKFLOW_ID, RUNS.WORKFLOW_VERSION, STEPS.NODE_ID).in(nodes))
                .and(STEPS.ATTEMPT.eq(1))
                .orderBy(RUNS.CREATED_AT.desc(), RUNS.ID.desc(), STEPS.ID.desc())
                .limit(limit * 4)) {
            String step = row.get(STEPS.RUN_ID) + "/" + row.get(STEPS.NODE_ID) + "/" + row.get(STEPS.ITEM_INDEX);
            if (inputs.size() >= limit || !seen.add(step)) {
                continue;
            }
            Object input;
            int size;
            if (row.get(STEPS.INPUT) != null || row.get(stepPayload.SIZE_BYTES) != null) {
                input = Payloads.read(row.get(STEPS.INPUT), row.get("step_input_large", JSONB.class));
                size = size(row.get(STEPS.INPUT), row.get(stepPayload.SIZE_BYTES));
            } else if (!givenSource.getOrDefault(key(row.get(RUNS.WORKFLOW_ID), row.get(RUNS.WORKFLOW_VERSION),
                    row.get(STEPS.NODE_ID)), true)) {
                // a map node without a source expression maps the run's input (the trigger's payload)
                input = Payloads.read(row.get(RUNS.INPUT), row.get("run_input_large", JSONB.class));
                size = size(row.get(RUNS.INPUT), row.get(runPayload.SIZE_BYTES));
            } else {
                continue;
            }
            inputs.add(new MapNodeInput(row.get(STEPS.RUN_ID), row.get(WORKFLOWS.NAME), row.get(STEPS.NODE_ID),
                    row.get(STEPS.ITEM_INDEX), row.get(RUNS.CREATED_AT), input, size));
        }
        return inputs;
    }

    private static int size(JSONB inline, Integer referenced) {
        return inline != null ? inline.data().length() : referenced == null ? 0 : referenced;
    }

    private static String key(UUID workflowId, Integer version, String nodeId) {
        return workflowId + "/" + version + "/" + nodeId;
    }
}
