package dev.junction.db.lookups;

import dev.junction.engine.runs.PayloadJson;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.util.Optional;

import static dev.junction.db.schema.Tables.LOOKUP_ENTRIES;

/** Lookup tables (e.g. SKU to ASIN): a value per key, per table. */
public class LookupTableRepository {

    private final DSLContext db;

    public LookupTableRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<Object> find(String table, String key) {
        return db.select(LOOKUP_ENTRIES.VALUE).from(LOOKUP_ENTRIES)
                .where(LOOKUP_ENTRIES.TABLE_NAME.eq(table), LOOKUP_ENTRIES.KEY.eq(key))
                .fetchOptional(LOOKUP_ENTRIES.VALUE)
                .map(value -> PayloadJson.read(value.data()));
    }

    /** Sets the value of a key (adding the key, or the table, when new). */
    public void put(String table, String key, Object value) {
        JSONB json = JSONB.valueOf(PayloadJson.write(value));
        db.insertInto(LOOKUP_ENTRIES).set(LOOKUP_ENTRIES.TABLE_NAME, table).set(LOOKUP_ENTRIES.KEY, key)
                .set(LOOKUP_ENTRIES.VALUE, json)
                .onConflict(LOOKUP_ENTRIES.TABLE_NAME, LOOKUP_ENTRIES.KEY).doUpdate()
                .set(LOOKUP_ENTRIES.VALUE, json)
                .execute();
    }
}
