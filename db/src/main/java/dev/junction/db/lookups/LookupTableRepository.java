package dev.junction.db.lookups;

import dev.junction.engine.runs.LookupTables;
import dev.junction.engine.json.PayloadJson;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.junction.db.schema.Tables.LOOKUP_ENTRIES;
import static dev.junction.db.schema.Tables.LOOKUP_TABLES;

/**
 * Lookup tables (e.g. SKU to ASIN): a value per key, per table, and each table's policy for a missing key. Also the
 * {@link LookupTables} port that mappings and lookup nodes read.
 */
public class LookupTableRepository implements LookupTables {

    private final DSLContext db;

    public LookupTableRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<Object> find(String table, String key) {
        return db.select(LOOKUP_ENTRIES.VALUE).from(LOOKUP_ENTRIES)
                .where(LOOKUP_ENTRIES.TABLE_NAME.eq(table), LOOKUP_ENTRIES.KEY.eq(key))
                .fetchOptional(LOOKUP_ENTRIES.VALUE)
                .map(value -> PayloadJson.read(value.data()));
    }

    @Override
    public MissingKey missingKeyPolicy(String table) {
        return db.select(LOOKUP_TABLES.MISSING_KEY).from(LOOKUP_TABLES).where(LOOKUP_TABLES.NAME.eq(table))
                .fetchOptional(LOOKUP_TABLES.MISSING_KEY).flatMap(LookupTable::policy).orElse(MissingKey.ERROR);
    }

    /** Sets the value of a key (adding the key, or the table with the default policy, when new). */
    public void put(String table, String key, Object value) {
        db.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            tx.insertInto(LOOKUP_TABLES).set(LOOKUP_TABLES.NAME, table).onConflictDoNothing().execute();
            putEntry(tx, table, key, value);
        });
    }

    private static void putEntry(DSLContext tx, String table, String key, Object value) {
        JSONB json = JSONB.valueOf(PayloadJson.write(value));
        tx.insertInto(LOOKUP_ENTRIES).set(LOOKUP_ENTRIES.TABLE_NAME, table).set(LOOKUP_ENTRIES.KEY, key)
                .set(LOOKUP_ENTRIES.VALUE, json)
                .onConflict(LOOKUP_ENTRIES.TABLE_NAME, LOOKUP_ENTRIES.KEY).doUpdate()
                .set(LOOKUP_ENTRIES.VALUE, json)
                .execute();
    }

    public List<LookupTable> tables() {
        return select(DSL.noCondition());
    }

    public Optional<LookupTable> table(String name) {
        return select(LOOKUP_TABLES.NAME.eq(name)).stream().findFirst();
    }

    private List<LookupTable> select(Condition condition) {
        var count = DSL.selectCount().from(LOOKUP_ENTRIES).where(LOOKUP_ENTRIES.TABLE_NAME.eq(LOOKUP_TABLES.NAME))
                .asField("entries");
        return db.select(LOOKUP_TABLES.asterisk(), count).from(LOOKUP_TABLES).where(condition)
                .orderBy(LOOKUP_TABLES.NAME).fetch(LookupTableRepository::toTable);
    }

    /** Creates a table; false when one of that name exists. */
    public boolean create(String name, String description, MissingKey policy, String keyLabel, String valueLabel,
                          String actor) {
        return db.insertInto(LOOKUP_TABLES).set(LOOKUP_TABLES.NAME, name).set(LOOKUP_TABLES.DESCRIPTION, description)
                .set(LOOKUP_TABLES.MISSING_KEY, LookupTable.policyName(policy))
                .set(LOOKUP_TABLES.KEY_LABEL, keyLabel).set(LOOKUP_TABLES.VALUE_LABEL, valueLabel)
                .set(LOOKUP_TABLES.UPDATED_BY, actor).onConflictDoNothing().execute() == 1;
    }

    /** Changes a table's description, policy and labels; false when there is no such table. */
    public boolean update(String name, String description, MissingKey policy, String keyLabel, String valueLabel,
                          String actor) {
        return db.update(LOOKUP_TABLES).set(LOOKUP_TABLES.DESCRIPTION, description)
                .set(LOOKUP_TABLES.MISSING_KEY, LookupTable.policyName(policy))
                .set(LOOKUP_TABLES.KEY_LABEL, keyLabel).set(LOOKUP_TABLES.VALUE_LABEL, valueLabel)
                .set(LOOKUP_TABLES.UPDATED_BY, actor).set(LOOKUP_TABLES.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(LOOKUP_TABLES.NAME.eq(name)).execute() == 1;
    }

    public boolean delete(String name) {
        return db.deleteFrom(LOOKUP_TABLES).where(LOOKUP_TABLES.NAME.eq(name)).execute() == 1;
    }

    /** Entries in key order, those whose key or value contains {@code query} (any case) when given. */
    public Map<String, Object> entries(String table, String query, int offset, int limit) {
        Condition matches = query == null || query.isBlank() ? DSL.noCondition()
                : LOOKUP_ENTRIES.KEY.containsIgnoreCase(query).or(LOOKUP_ENTRIES.VALUE.cast(String.class)
                .containsIgnoreCase(query));
        Map<String, Object> entries = new LinkedHashMap<>();
        db.select(LOOKUP_ENTRIES.KEY, LOOKUP_ENTRIES.VALUE).from(LOOKUP_ENTRIES)
                .where(LOOKUP_ENTRIES.TABLE_NAME.eq(table), matches).orderBy(LOOKUP_ENTRIES.KEY)
                .offset(offset).limit(limit)
                .forEach(row -> entries.put(row.value1(), PayloadJson.read(row.value2().data())));
        return entries;
    }

    public void putEntry(String table, String key, Object value, String actor) {
        db.transaction(configuration -> {
            putEntry(configuration.dsl(), table, key, value);
            touch(configuration.dsl(), table, actor);
        });
    }

    public boolean deleteEntry(String table, String key, String actor) {
        return db.transactionResult(configuration -> {
            boolean deleted = configuration.dsl().deleteFrom(LOOKUP_ENTRIES)
                    .where(LOOKUP_ENTRIES.TABLE_NAME.eq(table), LOOKUP_ENTRIES.KEY.eq(key)).execute() == 1;
            touch(configuration.dsl(), table, actor);
            return deleted;
        });
    }

    /** Puts every entry in one transaction; with {@code replace}, the table holds exactly these afterwards. */
    public void load(String table, Map<String, ?> entries, boolean replace, String actor) {
        db.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            if (replace) {
                tx.deleteFrom(LOOKUP_ENTRIES).where(LOOKUP_ENTRIES.TABLE_NAME.eq(table)).execute();
            }
            entries.forEach((key, value) -> putEntry(tx, table, key, value));
            touch(tx, table, actor);
        });
    }

    private static void touch(DSLContext tx, String table, String actor) {
        tx.update(LOOKUP_TABLES).set(LOOKUP_TABLES.UPDATED_BY, actor)
                .set(LOOKUP_TABLES.UPDATED_AT, DSL.currentOffsetDateTime()).where(LOOKUP_TABLES.NAME.eq(table)).execute();
    }

    private static LookupTable toTable(Record row) {
        var table = row.into(LOOKUP_TABLES);
        return new LookupTable(table.getName(), table.getDescription(),
                LookupTable.policy(table.getMissingKey()).orElse(MissingKey.ERROR), table.getKeyLabel(),
                table.getValueLabel(), row.get("entries", Long.class), table.getUpdatedBy(), table.getUpdatedAt());
    }
}
