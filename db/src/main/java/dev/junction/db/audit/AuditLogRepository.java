package dev.junction.db.audit;

import dev.junction.db.schema.tables.records.AuditLogRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.util.List;

import static dev.junction.db.schema.Tables.AUDIT_LOG;

/** Appends to and reads the audit log. Entries are never changed or removed. */
public class AuditLogRepository {

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

    /** The newest entries about one thing, newest first. */
    public List<AuditEntry> forEntity(String entityType, String entityId, int limit) {
        return db.selectFrom(AUDIT_LOG)
                .where(AUDIT_LOG.ENTITY_TYPE.eq(entityType).and(AUDIT_LOG.ENTITY_ID.eq(entityId)))
                .orderBy(AUDIT_LOG.OCCURRED_AT.desc(), AUDIT_LOG.ID.desc())
                .limit(limit)
                .fetch(AuditLogRepository::toEntry);
    }

    private static AuditEntry toEntry(AuditLogRecord row) {
        return new AuditEntry(row.getId(), row.getOccurredAt(), row.getActor(), row.getAction(), row.getEntityType(),
                row.getEntityId(), row.getDetails().data());
    }
}
