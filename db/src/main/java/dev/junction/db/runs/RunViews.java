package dev.junction.db.runs;

import org.jooq.DSLContext;
import org.jooq.Record;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.junction.db.schema.Tables.RUN_LIST_COLUMNS;
import static dev.junction.db.schema.Tables.RUN_VIEWS;

/** Each user's saved views of the runs list and the columns they chose for it. */
public class RunViews {

    public static final int NAME_MAX = 100;

    private final DSLContext db;

    public RunViews(DSLContext db) {
        this.db = db;
    }

    /** {@code owner}'s saved views, by name. */
    public List<SavedRunView> list(String owner) {
        return db.selectFrom(RUN_VIEWS).where(RUN_VIEWS.OWNER.eq(owner)).orderBy(RUN_VIEWS.NAME.lower(), RUN_VIEWS.ID)
                .fetch(RunViews::view);
    }

    /** {@code owner}'s view {@code id}; empty when there is none (or it is someone else's). */
    public Optional<SavedRunView> find(String owner, UUID id) {
        return db.selectFrom(RUN_VIEWS).where(RUN_VIEWS.OWNER.eq(owner), RUN_VIEWS.ID.eq(id))
                .fetchOptional(RunViews::view);
    }

    /**
     * Saves {@code query} (its {@code view} left out) and {@code columns} as {@code owner}'s view {@code name}; a
     * view of the same name (case-insensitive) is replaced and keeps its id.
     */
    public SavedRunView save(String owner, String name, RunsQuery query, List<String> columns) {
        String filters = query.withView(null).toQueryString();
        return db.insertInto(RUN_VIEWS, RUN_VIEWS.ID, RUN_VIEWS.OWNER, RUN_VIEWS.NAME, RUN_VIEWS.FILTERS,
                        RUN_VIEWS.COLUMNS)
                .values(UUID.randomUUID(), owner, name, filters, columns.toArray(String[]::new))
                .onConflict(RUN_VIEWS.OWNER, RUN_VIEWS.NAME.lower()).doUpdate()
                .set(RUN_VIEWS.NAME, name).set(RUN_VIEWS.FILTERS, filters)
                .set(RUN_VIEWS.COLUMNS, columns.toArray(String[]::new))
                .returning().fetchOne(RunViews::view);
    }

    /** Deletes {@code owner}'s view {@code id}; false when there was none. */
    public boolean delete(String owner, UUID id) {
        return db.deleteFrom(RUN_VIEWS).where(RUN_VIEWS.OWNER.eq(owner), RUN_VIEWS.ID.eq(id)).execute() == 1;
    }

    /** The column keys {@code owner} chose for the runs list, in order; empty while they chose none. */
    public Optional<List<String>> columns(String owner) {
        return db.select(RUN_LIST_COLUMNS.COLUMNS).from(RUN_LIST_COLUMNS).where(RUN_LIST_COLUMNS.OWNER.eq(owner))
                .fetchOptional(row -> Arrays.asList(row.value1()));
    }

    public void saveColumns(String owner, List<String> columns) {
        String[] keys = columns.toArray(String[]::new);
        db.insertInto(RUN_LIST_COLUMNS, RUN_LIST_COLUMNS.OWNER, RUN_LIST_COLUMNS.COLUMNS).values(owner, keys)
                .onConflict(RUN_LIST_COLUMNS.OWNER).doUpdate().set(RUN_LIST_COLUMNS.COLUMNS, keys).execute();
    }

    private static SavedRunView view(Record row) {
        // filters were written by RunsQuery; ones it can no longer read are dropped rather than failing the list
        RunsQuery query = RunsQuery.all();
        try {
            query = RunsQuery.parse(row.get(RUN_VIEWS.FILTERS));
        } catch (RunsQuery.InvalidRunsQuery e) {
            // kept as "no filter"
        }
        return new SavedRunView(row.get(RUN_VIEWS.ID), row.get(RUN_VIEWS.OWNER), row.get(RUN_VIEWS.NAME), query,
                Arrays.asList(row.get(RUN_VIEWS.COLUMNS)), row.get(RUN_VIEWS.CREATED_AT));
    }
}
