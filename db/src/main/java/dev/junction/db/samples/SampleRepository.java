package dev.junction.db.samples;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static dev.junction.db.schema.Tables.WORKFLOW_SAMPLES;

/** Stores the samples pinned on a workflow's node output ports (JSON text), one per node and port. */
public class SampleRepository {

    private final DSLContext db;

    public SampleRepository(DSLContext db) {
        this.db = db;
    }

    /** A pinned sample: the JSON text pinned on {@code port} of {@code nodeId}, by whom and when. */
    public record PinnedSample(String nodeId, String port, String sampleJson, String updatedBy,
                               OffsetDateTime updatedAt) {
    }

    public List<PinnedSample> list(UUID workflowId) {
        return db.selectFrom(WORKFLOW_SAMPLES).where(WORKFLOW_SAMPLES.WORKFLOW_ID.eq(workflowId))
                .orderBy(WORKFLOW_SAMPLES.NODE_ID, WORKFLOW_SAMPLES.PORT)
                .fetch(row -> new PinnedSample(row.getNodeId(), row.getPort(), row.getSample().data(),
                        row.getUpdatedBy(), row.getUpdatedAt()));
    }

    /** Pins (or replaces) the sample of one port. */
    public void pin(UUID workflowId, String nodeId, String port, String sampleJson, String actor) {
        db.insertInto(WORKFLOW_SAMPLES)
                .set(WORKFLOW_SAMPLES.WORKFLOW_ID, workflowId)
                .set(WORKFLOW_SAMPLES.NODE_ID, nodeId)
                .set(WORKFLOW_SAMPLES.PORT, port)
                .set(WORKFLOW_SAMPLES.SAMPLE, JSONB.valueOf(sampleJson))
                .set(WORKFLOW_SAMPLES.UPDATED_BY, actor)
                .onConflict(WORKFLOW_SAMPLES.WORKFLOW_ID, WORKFLOW_SAMPLES.NODE_ID, WORKFLOW_SAMPLES.PORT)
                .doUpdate()
                .set(WORKFLOW_SAMPLES.SAMPLE, JSONB.valueOf(sampleJson))
                .set(WORKFLOW_SAMPLES.UPDATED_BY, actor)
                .set(WORKFLOW_SAMPLES.UPDATED_AT, DSL.currentOffsetDateTime())
                .execute();
    }

    /** Unpins; answers whether there was a sample. */
    public boolean unpin(UUID workflowId, String nodeId, String port) {
        return db.deleteFrom(WORKFLOW_SAMPLES).where(WORKFLOW_SAMPLES.WORKFLOW_ID.eq(workflowId),
                WORKFLOW_SAMPLES.NODE_ID.eq(nodeId), WORKFLOW_SAMPLES.PORT.eq(port)).execute() > 0;
    }
}
