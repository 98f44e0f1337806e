package dev.junction.db.audit;

import dev.junction.db.schema.tables.records.AuditLogRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.junction.db.schema.Tables.AUDIT_LOG;

/**
 * Appends to and reads the audit log. Entries are never changed or removed: the schema refuses UPDATE, DELETE and
 * TRUNCATE of {@code audit_log} (migration V12). Lists are newest first with keyset pagination on the entry id.
 */
public class AuditLogRepository {

    private static final int STREAM_FETCH_SIZE = 500;

    private final DSLContext db;

    public AuditLogRepository(DSLContext db) {
        this.db = db;
    }

    public AuditEntry append(String actor, String action, String entityType, String entityId, String detailsJson) {
        return toEntry(db.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACTOR, actor)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.ENTITY_TYPE, entityType)
                .set(AUDIT_LOG.ENTITY_ID, entityId)
                .set(AUDIT_LOG.DETAILS, JSONB.valueOf(detailsJson))
                .returning()
                .fetchSingle());
    }

    /**
     * Appends several entries of one actor in one statement (in the given order), e.g. the alerts one evaluation batch
     * fired and resolved.
     */
    public void appendAll(String actor, List<AuditDraft> entries) {
        if (entries.isEmpty()) {
            return;
        }
        var insert = db.insertInto(AUDIT_LOG, AUDIT_LOG.ACTOR, AUDIT_LOG.ACTION, AUDIT_LOG.ENTITY_TYPE,
                AUDIT_LOG.ENTITY_ID, AUDIT_LOG.DETAILS);
        for (AuditDraft entry : entries) {
            insert = insert.values(actor, entry.action(), entry.entityType(), entry.entityId(),
                    JSONB.valueOf(entry.detailsJson()));
        }
        insert.execute();
    }

    /** The newest entries about one thing, newest first. */
    public List<AuditEntry> forEntity(String entityType, String entityId, int limit) {
        return db.selectFrom(AUDIT_LOG)
                .where(AUDIT_LOG.ENTITY_TYPE.eq(entityType).and(AUDIT_LOG.ENTITY_ID.eq(entityId)))
                .orderBy(AUDIT_LOG.OCCURRED_AT.desc(), AUDIT_LOG.ID.desc())
                .limit(limit)
                .fetch(AuditLogRepository::toEntry);
    }

    /**
     * Entries matching the filter, newest first, {@code limit} at most, older than the entry {@code before} (null:
     * from the newest).
     */
    public AuditPage page(AuditFilter filter, Long before, int limit) {
        List<AuditEntry> rows = db.selectFrom(AUDIT_LOG)
                .where(conditions(filter, before))
                .orderBy(AUDIT_LOG.ID.desc())
                .limit(limit + 1)
                .fetch(AuditLogRepository::toEntry);
        if (rows.size() <= limit) {
            return new AuditPage(rows, null);
        }
        List<AuditEntry> page = List.copyOf(rows.subList(0, limit));
        return new AuditPage(page, page.getLast().id());
    }

    /**
     * Hands the entries matching the filter to {@code each}, newest first, {@code limit} at most, reading them from
     * a database cursor a few hundred at a time (so that an export of many entries does not sit in memory). Needs
     * an open transaction for the cursor (else the driver reads every row first). Answers how many it handed over.
     */
    public int forEach(AuditFilter filter, Long before, int limit, Consumer<AuditEntry> each) {
        int count = 0;
        try (Stream<AuditLogRecord> rows = db.selectFrom(AUDIT_LOG)
                .where(conditions(filter, before))
                .orderBy(AUDIT_LOG.ID.desc())
                .limit(limit)
                .fetchSize(STREAM_FETCH_SIZE)
                .fetchStream()) {
            for (var iterator = rows.iterator(); iterator.hasNext(); count++) {
                each.accept(toEntry(iterator.next()));
            }
        }
        return count;
    }

    /** Whether more than {@code count} entries match (counting at most {@code count + 1} of them). */
    public boolean moreThan(AuditFilter filter, Long before, int count) {
        return db.fetchCount(db.selectOne().from(AUDIT_LOG).where(conditions(filter, before)).limit(count + 1))
                > count;
    }

    private static List<Condition> conditions(AuditFilter filter, Long before) {
        List<Condition> conditions = new ArrayList<>();
        if (before != null) {
            conditions.add(AUDIT_LOG.ID.lt(before));
        }
        if (filter.actor() != null) {
            conditions.add(DSL.lower(AUDIT_LOG.ACTOR).eq(DSL.lower(DSL.val(filter.actor()))));
        }
        if (filter.actionPrefix() != null) {
            conditions.add(AUDIT_LOG.ACTION.like(escapeLike(filter.actionPrefix()) + "%", '\\'));
        }
        if (filter.entityType() != null) {
            conditions.add(AUDIT_LOG.ENTITY_TYPE.eq(filter.entityType()));
        }
        if (filter.entityId() != null) {
            conditions.add(AUDIT_LOG.ENTITY_ID.eq(filter.entityId()));
        }
        if (filter.from() != null) {
            conditions.add(AUDIT_LOG.OCCURRED_AT.ge(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add(AUDIT_LOG.OCCURRED_AT.lt(filter.to()));
        }
        return conditions;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditEntry toEntry(AuditLogRecord row) {
        return new AuditEntry(row.getId(), row.getOccurredAt(), row.getActor(), row.getAction(), row.getEntityType(),
                row.getEntityId(), row.getDetails().data());
    }
}
