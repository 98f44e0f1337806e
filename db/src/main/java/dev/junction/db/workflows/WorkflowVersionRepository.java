package dev.junction.db.workflows;

import dev.junction.db.schema.tables.records.WorkflowVersionsRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.junction.db.schema.Tables.WORKFLOWS;
import static dev.junction.db.schema.Tables.WORKFLOW_VERSIONS;

/**
 * Immutable versions of workflow definitions. A new version is appended only while the version it was based on
 * is still the workflow's latest (optimistic locking on {@code workflows.latest_version}).
 */
public class WorkflowVersionRepository {

    private final DSLContext db;

    public WorkflowVersionRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Appends version {@code baseVersion + 1}, or answers empty when the workflow does not exist or its latest
     * version is no longer {@code baseVersion} (someone saved in between).
     */
    public Optional<WorkflowVersion> append(UUID workflowId, int baseVersion, String definitionJson, String comment,
                                            String actor) {
        Optional<Integer> next = db.update(WORKFLOWS)
                .set(WORKFLOWS.LATEST_VERSION, WORKFLOWS.LATEST_VERSION.plus(1))
                .set(WORKFLOWS.UPDATED_BY, actor)
                .set(WORKFLOWS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(WORKFLOWS.ID.eq(workflowId).and(WORKFLOWS.LATEST_VERSION.eq(baseVersion)))
                .returning(WORKFLOWS.LATEST_VERSION)
                .fetchOptional()
                .map(row -> row.getLatestVersion());
        return next.map(version -> toVersion(db.insertInto(WORKFLOW_VERSIONS)
                .set(WORKFLOW_VERSIONS.WORKFLOW_ID, workflowId)
                .set(WORKFLOW_VERSIONS.VERSION, version)
                .set(WORKFLOW_VERSIONS.DEFINITION, JSONB.valueOf(definitionJson))
                .set(WORKFLOW_VERSIONS.COMMENT, comment)
                .set(WORKFLOW_VERSIONS.CREATED_BY, actor)
                .returning()
                .fetchSingle()));
    }

    public Optional<WorkflowVersion> find(UUID workflowId, int version) {
        return db.selectFrom(WORKFLOW_VERSIONS)
                .where(WORKFLOW_VERSIONS.WORKFLOW_ID.eq(workflowId).and(WORKFLOW_VERSIONS.VERSION.eq(version)))
                .fetchOptional()
                .map(WorkflowVersionRepository::toVersion);
    }

    /** All versions of a workflow, newest first. */
    public List<WorkflowVersion> list(UUID workflowId) {
        return db.selectFrom(WORKFLOW_VERSIONS)
                .where(WORKFLOW_VERSIONS.WORKFLOW_ID.eq(workflowId))
                .orderBy(WORKFLOW_VERSIONS.VERSION.desc())
                .fetch(WorkflowVersionRepository::toVersion);
    }

    /** The published version of every workflow that has one. */
    public List<WorkflowVersion> published() {
        return db.select(WORKFLOW_VERSIONS.asterisk()).from(WORKFLOW_VERSIONS)
                .join(WORKFLOWS).on(WORKFLOWS.ID.eq(WORKFLOW_VERSIONS.WORKFLOW_ID),
                        WORKFLOWS.PUBLISHED_VERSION.eq(WORKFLOW_VERSIONS.VERSION))
                .fetch(row -> toVersion(row.into(WORKFLOW_VERSIONS)));
    }

    /** Marks a version as the one triggers run; answers false when the workflow or version does not exist. */
    public boolean publish(UUID workflowId, int version, String actor) {
        return db.update(WORKFLOWS)
                .set(WORKFLOWS.PUBLISHED_VERSION, version)
                .set(WORKFLOWS.UPDATED_BY, actor)
                .set(WORKFLOWS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(WORKFLOWS.ID.eq(workflowId))
                .and(DSL.exists(DSL.selectOne().from(WORKFLOW_VERSIONS)
                        .where(WORKFLOW_VERSIONS.WORKFLOW_ID.eq(workflowId), WORKFLOW_VERSIONS.VERSION.eq(version))))
                .execute() == 1;
    }

    private static WorkflowVersion toVersion(WorkflowVersionsRecord row) {
        return new WorkflowVersion(row.getWorkflowId(), row.getVersion(), row.getDefinition().data(), row.getComment(),
                row.getCreatedBy(), row.getCreatedAt());
    }
}
