package dev.junction.ui.audit;

import dev.junction.backend.audit.AuditLogService;
import dev.junction.db.audit.AuditEntry;
import dev.junction.db.audit.AuditFilter;
import dev.junction.db.audit.AuditPage;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The entries a lazy grid has asked for so far, newest first. The grid asks by offset; the audit log pages by key
 * (older than the last id seen), so the entries read are kept and the next pages read on demand — scrolling down
 * never re-reads what is above.
 */
final class AuditEntries {

    static final int PAGE_SIZE = 100;

    private final AuditLogService audit;
    private final List<AuditEntry> loaded = new ArrayList<>();
    private AuditFilter filter = AuditFilter.all();
    private Long next;
    private boolean complete;

    AuditEntries(AuditLogService audit) {
        this.audit = audit;
    }

    /** Forgets what was read; the next slice reads from the newest entry that matches {@code newFilter}. */
    void reset(AuditFilter newFilter) {
        filter = newFilter;
        loaded.clear();
        next = null;
        complete = false;
    }

    AuditFilter filter() {
        return filter;
    }

    /** Entries {@code offset} to {@code offset + limit} (fewer at the end of the log). */
    Stream<AuditEntry> slice(int offset, int limit) {
        int end = offset + limit;
        while (loaded.size() < end && !complete) {
            AuditPage page = audit.page(filter, next, Math.max(PAGE_SIZE, Math.min(limit, AuditLogService.PAGE_MAX)));
            loaded.addAll(page.items());
            next = page.next();
            complete = next == null;
        }
        return loaded.subList(Math.min(offset, loaded.size()), Math.min(end, loaded.size())).stream();
    }
}
