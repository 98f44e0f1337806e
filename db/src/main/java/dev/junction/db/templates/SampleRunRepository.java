package dev.junction.db.templates;

import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static dev.junction.db.schema.Tables.TEMPLATE_INSTALLATIONS;
import static dev.junction.db.schema.Tables.TEMPLATE_SAMPLE_RUNS;

/** Templates' sample runs (V37): one row per run, the latest per template read by the preview. */
public class SampleRunRepository {

    private final DSLContext db;

    public SampleRunRepository(DSLContext db) {
        this.db = db;
    }

    public void insert(StoredSampleRun run) {
        db.insertInto(TEMPLATE_SAMPLE_RUNS).set(TEMPLATE_SAMPLE_RUNS.RUN_ID, run.runId())
                .set(TEMPLATE_SAMPLE_RUNS.TEMPLATE_ID, run.templateId())
                .set(TEMPLATE_SAMPLE_RUNS.TEMPLATE_VERSION, run.templateVersion())
                .set(TEMPLATE_SAMPLE_RUNS.WORKFLOW_ID, run.workflowId())
                .set(TEMPLATE_SAMPLE_RUNS.CREATED_MAPPINGS, JSONB.valueOf(run.createdMappingsJson()))
                .set(TEMPLATE_SAMPLE_RUNS.CREATED_LOOKUP_TABLES, JSONB.valueOf(run.createdLookupTablesJson()))
                .set(TEMPLATE_SAMPLE_RUNS.RESULT, JSONB.valueOf(run.resultJson()))
                .set(TEMPLATE_SAMPLE_RUNS.STARTED_AT, run.startedAt()).execute();
    }

    /** The run ended and what its install made is dealt with: its result, no workflow, nothing left to remove. */
    public void finish(UUID runId, String resultJson) {
        db.update(TEMPLATE_SAMPLE_RUNS).set(TEMPLATE_SAMPLE_RUNS.RESULT, JSONB.valueOf(resultJson))
                .setNull(TEMPLATE_SAMPLE_RUNS.WORKFLOW_ID)
                .set(TEMPLATE_SAMPLE_RUNS.CREATED_MAPPINGS, JSONB.valueOf("[]"))
                .set(TEMPLATE_SAMPLE_RUNS.CREATED_LOOKUP_TABLES, JSONB.valueOf("[]"))
                .where(TEMPLATE_SAMPLE_RUNS.RUN_ID.eq(runId)).execute();
    }

    public Optional<StoredSampleRun> find(UUID runId) {
        return db.selectFrom(TEMPLATE_SAMPLE_RUNS).where(TEMPLATE_SAMPLE_RUNS.RUN_ID.eq(runId))
                .fetchOptional(SampleRunRepository::stored);
    }

    /** The template's latest sample run (of any version). */
    public Optional<StoredSampleRun> latest(String templateId) {
        return db.selectFrom(TEMPLATE_SAMPLE_RUNS).where(TEMPLATE_SAMPLE_RUNS.TEMPLATE_ID.eq(templateId))
                .orderBy(TEMPLATE_SAMPLE_RUNS.STARTED_AT.desc()).limit(1).fetchOptional(SampleRunRepository::stored);
    }

    /**
     * Whether any template was installed since {@code since} into a workflow other than {@code except}: such an
     * install may have reused what a sample's install created (a mapping of the same definition, a lookup table of
     * the same name).
     */
    public boolean installedSince(OffsetDateTime since, UUID except) {
        return db.fetchExists(TEMPLATE_INSTALLATIONS, TEMPLATE_INSTALLATIONS.INSTALLED_AT.ge(since)
                .and(TEMPLATE_INSTALLATIONS.WORKFLOW_ID.ne(except)));
    }

    private static StoredSampleRun stored(dev.junction.db.schema.tables.records.TemplateSampleRunsRecord row) {
        return new StoredSampleRun(row.getRunId(), row.getTemplateId(), row.getTemplateVersion(), row.getWorkflowId(),
                row.getCreatedMappings().data(), row.getCreatedLookupTables().data(), row.getResult().data(),
                row.getStartedAt());
    }
}
