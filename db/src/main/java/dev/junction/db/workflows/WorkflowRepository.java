package dev.junction.db.workflows;

import dev.junction.db.schema.tables.records.WorkflowsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

import java.util.Optional;
import java.util.UUID;

import static dev.junction.db.schema.Tables.WORKFLOWS;

/** Stores workflows. Names are unique without regard to case (a unique index on {@code lower(name)}). */
public class WorkflowRepository {

    private final DSLContext db;

    public WorkflowRepository(DSLContext db) {
        this.db = db;
    }

    /** Inserts a workflow, or answers empty when another already has that name. */
    public Optional<Workflow> insert(String name, String description, String actor) {
        return db.insertInto(WORKFLOWS)
                .set(WORKFLOWS.NAME, name)
                .set(WORKFLOWS.DESCRIPTION, description)
                .set(WORKFLOWS.CREATED_BY, actor)
                .set(WORKFLOWS.UPDATED_BY, actor)
                .onConflictDoNothing()
                .returning()
                .fetchOptional()
                .map(WorkflowRepository::toWorkflow);
    }

    public Optional<Workflow> find(UUID id) {
        return db.selectFrom(WORKFLOWS).where(WORKFLOWS.ID.eq(id)).fetchOptional().map(WorkflowRepository::toWorkflow);
    }

    /** Whether a workflow other than {@code exceptId} (which may be null) has this name, ignoring case. */
    public boolean nameTaken(String name, UUID exceptId) {
        Condition sameName = DSL.lower(WORKFLOWS.NAME).eq(DSL.lower(DSL.val(name)));
        return db.fetchExists(WORKFLOWS, exceptId == null ? sameName : sameName.and(WORKFLOWS.ID.ne(exceptId)));
    }

    /** Changes name and description; answers the workflow as it is now, or empty when there is no such workflow. */
    public Optional<Workflow> update(UUID id, String name, String description, String actor) {
        return db.update(WORKFLOWS)
                .set(WORKFLOWS.NAME, name)
                .set(WORKFLOWS.DESCRIPTION, description)
                .set(WORKFLOWS.UPDATED_BY, actor)
                .set(WORKFLOWS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(WORKFLOWS.ID.eq(id))
                .returning()
                .fetchOptional()
                .map(WorkflowRepository::toWorkflow);
    }

    /** Deletes a workflow and answers what it was, or empty when there was no such workflow. */
    public Optional<Workflow> delete(UUID id) {
        return db.deleteFrom(WORKFLOWS).where(WORKFLOWS.ID.eq(id)).returning().fetchOptional()
                .map(WorkflowRepository::toWorkflow);
    }

    /**
     * Finds workflows whose name or description contains {@code text} (any case; blank finds all), sorted, one page.
     */
    public WorkflowPage search(String text, WorkflowSort sort, boolean ascending, int offset, int limit) {
        Condition matches = text == null || text.isBlank()
                ? DSL.noCondition()
                : WORKFLOWS.NAME.containsIgnoreCase(text.strip()).or(WORKFLOWS.DESCRIPTION.containsIgnoreCase(text.strip()));
        var items = db.selectFrom(WORKFLOWS)
                .where(matches)
                .orderBy(order(sort, ascending), WORKFLOWS.ID)
                .offset(offset)
                .limit(limit)
                .fetch(WorkflowRepository::toWorkflow);
        int total = db.fetchCount(WORKFLOWS, matches);
        return new WorkflowPage(items, total);
    }

    private static SortField<?> order(WorkflowSort sort, boolean ascending) {
        Field<?> field = switch (sort) {
            case NAME -> DSL.lower(WORKFLOWS.NAME);
            case CREATED_AT -> WORKFLOWS.CREATED_AT;
            case UPDATED_AT -> WORKFLOWS.UPDATED_AT;
        };
        return ascending ? field.asc() : field.desc();
    }

    private static Workflow toWorkflow(WorkflowsRecord row) {
        return new Workflow(row.getId(), row.getName(), row.getDescription(), row.getCreatedBy(), row.getCreatedAt(),
                row.getUpdatedBy(), row.getUpdatedAt(), row.getLatestVersion(), row.getPublishedVersion());
    }
}
