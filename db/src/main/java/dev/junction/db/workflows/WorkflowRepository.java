package dev.junction.db.workflows;

import dev.junction.db.schema.tables.records.WorkflowsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.junction.db.schema.Tables.RUNS;
import static dev.junction.db.schema.Tables.WORKFLOWS;
import static dev.junction.db.schema.Tables.WORKFLOW_TRIGGERS;

/**
 * Stores workflows. Names are unique without regard to case among the workflows in use (a unique index on
 * {@code lower(name)}). An <em>archived</em> workflow (deleted while it had runs) is kept for its runs' sake but is
 * found by none of the methods here: it is neither listed nor found by id, and its name is free again.
 */
public class WorkflowRepository {

    /** Workflows in use: not archived. */
    private static final Condition IN_USE = WORKFLOWS.ARCHIVED_AT.isNull();

    private final DSLContext db;

    public WorkflowRepository(DSLContext db) {
        this.db = db;
    }

    /** Inserts a workflow, or answers empty when another already has that name. */
    public Optional<Workflow> insert(String name, String description, String actor) {
        return insert(name, description, List.of(), actor);
    }

    /** Inserts a workflow with tags (lower-case, checked by the caller), or empty when the name is taken. */
    public Optional<Workflow> insert(String name, String description, List<String> tags, String actor) {
        return db.insertInto(WORKFLOWS)
                .set(WORKFLOWS.NAME, name)
                .set(WORKFLOWS.DESCRIPTION, description)
                .set(WORKFLOWS.TAGS, tags.toArray(String[]::new))
                .set(WORKFLOWS.CREATED_BY, actor)
                .set(WORKFLOWS.UPDATED_BY, actor)
                .onConflictDoNothing()
                .returning()
                .fetchOptional()
                .map(WorkflowRepository::toWorkflow);
    }

    public Optional<Workflow> find(UUID id) {
        return db.selectFrom(WORKFLOWS).where(WORKFLOWS.ID.eq(id), IN_USE).fetchOptional()
                .map(WorkflowRepository::toWorkflow);
    }

    /** The workflows of {@code ids} that exist (as {@link #find}), by id, in one read. */
    public Map<UUID, Workflow> findAll(Collection<UUID> ids) {
        Map<UUID, Workflow> found = new HashMap<>();
        db.selectFrom(WORKFLOWS).where(WORKFLOWS.ID.in(ids), IN_USE).forEach(row -> {
            Workflow workflow = toWorkflow(row);
            found.put(workflow.id(), workflow);
        });
        return found;
    }

    /**
     * Locks the workflow's row until the transaction ends (runs cannot be added meanwhile: a run's reference to it
     * needs a share lock on that row) and answers how many runs it has; empty when there is no such workflow.
     */
    public Optional<Integer> lockAndCountRuns(UUID id) {
        return db.select(WORKFLOWS.ID).from(WORKFLOWS).where(WORKFLOWS.ID.eq(id), IN_USE).forUpdate().fetchOptional()
                .map(row -> db.fetchCount(RUNS, RUNS.WORKFLOW_ID.eq(id)));
    }

    /** How many runs the workflow has. */
    public int countRuns(UUID id) {
        return db.fetchCount(RUNS, RUNS.WORKFLOW_ID.eq(id));
    }

    /**
     * Archives a workflow: hidden from now on, unpublished (so no trigger runs it) and its webhook token gone, its
     * versions and runs kept. Answers what it was, or empty when there was no such workflow in use.
     */
    public Optional<Workflow> archive(UUID id, String actor) {
        Optional<Workflow> before = find(id);
        before.ifPresent(workflow -> {
            db.update(WORKFLOWS)
                    .set(WORKFLOWS.ARCHIVED_AT, DSL.currentOffsetDateTime())
                    .set(WORKFLOWS.ARCHIVED_BY, actor)
                    .setNull(WORKFLOWS.PUBLISHED_VERSION)
                    .where(WORKFLOWS.ID.eq(id), IN_USE)
                    .execute();
            db.deleteFrom(WORKFLOW_TRIGGERS).where(WORKFLOW_TRIGGERS.WORKFLOW_ID.eq(id)).execute();
        });
        return before;
    }

    /** Whether a workflow other than {@code exceptId} (which may be null) has this name, ignoring case. */
    public boolean nameTaken(String name, UUID exceptId) {
        Condition sameName = DSL.lower(WORKFLOWS.NAME).eq(DSL.lower(DSL.val(name))).and(IN_USE);
        return db.fetchExists(WORKFLOWS, exceptId == null ? sameName : sameName.and(WORKFLOWS.ID.ne(exceptId)));
    }

    /** Changes name and description; answers the workflow as it is now, or empty when there is no such workflow. */
    public Optional<Workflow> update(UUID id, String name, String description, String actor) {
        return update(id, name, description, null, actor);
    }

    /** Changes name, description and (unless null) tags; answers the workflow as it is now, or empty. */
    public Optional<Workflow> update(UUID id, String name, String description, List<String> tags, String actor) {
        return db.update(WORKFLOWS)
                .set(WORKFLOWS.NAME, name)
                .set(WORKFLOWS.DESCRIPTION, description)
                .set(WORKFLOWS.TAGS, tags == null ? WORKFLOWS.TAGS : DSL.val(tags.toArray(String[]::new)))
                .set(WORKFLOWS.UPDATED_BY, actor)
                .set(WORKFLOWS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(WORKFLOWS.ID.eq(id), IN_USE)
                .returning()
                .fetchOptional()
                .map(WorkflowRepository::toWorkflow);
    }

    /**
     * Deletes a workflow with its versions and answers what it was, or empty when there was no such workflow in use.
     * A workflow with runs cannot be deleted (the database refuses it): archive it.
     */
    public Optional<Workflow> delete(UUID id) {
        return db.deleteFrom(WORKFLOWS).where(WORKFLOWS.ID.eq(id), IN_USE).returning().fetchOptional()
                .map(WorkflowRepository::toWorkflow);
    }

    /**
     * Finds workflows whose name or description contains {@code text} (any case; blank finds all), sorted, one page.
     */
    public WorkflowPage search(String text, WorkflowSort sort, boolean ascending, int offset, int limit) {
        return search(text, null, sort, ascending, offset, limit);
    }

    /** {@link #search(String, WorkflowSort, boolean, int, int)} of the workflows tagged {@code tag} (null: any). */
    public WorkflowPage search(String text, String tag, WorkflowSort sort, boolean ascending, int offset, int limit) {
        Condition matches = IN_USE.and(text == null || text.isBlank()
                ? DSL.noCondition()
                : WORKFLOWS.NAME.containsIgnoreCase(text.strip()).or(WORKFLOWS.DESCRIPTION.containsIgnoreCase(text.strip())))
                .and(tag == null ? DSL.noCondition() : tagged(tag));
        var items = db.selectFrom(WORKFLOWS)
                .where(matches)
                .orderBy(order(sort, ascending), WORKFLOWS.ID)
                .offset(offset)
                .limit(limit)
                .fetch(WorkflowRepository::toWorkflow);
        int total = db.fetchCount(WORKFLOWS, matches);
        return new WorkflowPage(items, total);
    }

    /** The condition "the workflow carries {@code tag}" ({@code tags @> array[tag]}, answered by the GIN index). */
    public static Condition tagged(String tag) {
        return WORKFLOWS.TAGS.contains(new String[] {tag});
    }

    /** Every tag some workflow in use carries, sorted (what the tag filters offer). */
    public List<String> allTags() {
        return db.selectDistinct(DSL.field("unnest({0})", String.class, WORKFLOWS.TAGS).as("tag"))
                .from(WORKFLOWS).where(IN_USE).orderBy(DSL.field(DSL.name("tag"))).fetch(0, String.class);
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
                row.getUpdatedBy(), row.getUpdatedAt(), row.getLatestVersion(), row.getPublishedVersion(),
                row.getTags() == null ? List.of() : List.of(row.getTags()));
    }
}
