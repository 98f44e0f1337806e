package dev.junction.backend.audit;

import dev.junction.db.audit.AuditFilter;
import dev.junction.db.audit.AuditLogRepository;
import dev.junction.db.audit.AuditPage;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** The audit log as admins read it: filtered pages, newest first, and exports as CSV or JSON. Admins only. */
@Service
public class AuditLogService {

    /** The most entries one page holds. */
    public static final int PAGE_MAX = 200;
    /** The most entries one export holds; older ones follow with {@code before} = the last id exported. */
    public static final int EXPORT_MAX = 100_000;

    private final AuditLogRepository log;
    private final AuditTrail trail;
    private final JsonMapper json;

    AuditLogService(AuditLogRepository log, AuditTrail trail, JsonMapper json) {
        this.log = log;
        this.trail = trail;
        this.json = json;
    }

    /** Entries matching the filter, newest first, older than the entry {@code before} (null: from the newest). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public AuditPage page(AuditFilter filter, Long before, int limit) {
        return log.page(filter, before, Math.clamp(limit, 1, PAGE_MAX));
    }

    /** Whether an export of {@code limit} entries would leave out older matching ones. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public boolean exportWouldBeCut(AuditFilter filter, Long before, int limit) {
        return log.moreThan(filter, before, Math.clamp(limit, 1, EXPORT_MAX));
    }

    /**
     * Writes the entries matching the filter to {@code out}, newest first, {@code limit} at most, reading them from
     * a database cursor; the export is itself recorded in the audit log (after the entries it wrote). Leaves
     * {@code out} open. Answers how many entries it wrote.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int export(AuditFilter filter, Long before, int limit, AuditExportFormat format, OutputStream out) {
        AuditExportWriter writer = AuditExportWriter.open(format, out, json);
        int written = log.forEach(filter, before, Math.clamp(limit, 1, EXPORT_MAX), writer::write);
        writer.finish();
        trail.record("audit.exported", "audit_log", "*", describe(filter, before, format, written));
        return written;
    }

    private static Map<String, Object> describe(AuditFilter filter, Long before, AuditExportFormat format,
                                                int written) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format.extension());
        details.put("entries", written);
        putIfSet(details, "actor", filter.actor());
        putIfSet(details, "action", filter.actionPrefix());
        putIfSet(details, "entityType", filter.entityType());
        putIfSet(details, "entityId", filter.entityId());
        putIfSet(details, "from", filter.from() == null ? null : filter.from().toString());
        putIfSet(details, "to", filter.to() == null ? null : filter.to().toString());
        putIfSet(details, "before", before);
        return details;
    }

    private static void putIfSet(Map<String, Object> details, String key, Object value) {
        if (value != null) {
            details.put(key, value);
        }
    }
}
