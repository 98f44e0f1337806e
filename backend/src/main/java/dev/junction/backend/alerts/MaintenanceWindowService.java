package dev.junction.backend.alerts;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.InvalidInputException.FieldProblem;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.security.CurrentUser;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Maintenance windows: listed for every user, created and deleted by ADMIN and OPERATOR, audited. */
@Service
public class MaintenanceWindowService {

    private final AlertStore store;
    private final AuditTrail audit;
    private final DSLContext db;
    private final Clock clock;

    MaintenanceWindowService(AlertStore store, AuditTrail audit, DSLContext db, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.db = db;
        this.clock = clock;
    }

    /** Windows newest first: those not yet ended, or ({@code endedToo}) all. */
    @Transactional(readOnly = true)
    public List<MaintenanceWindow> list(boolean endedToo) {
        return store.windows(endedToo, clock.instant().atOffset(ZoneOffset.UTC));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    public MaintenanceWindow create(UUID workflowId, String connectionId, OffsetDateTime startsAt,
                                    OffsetDateTime endsAt, String reason) {
        List<FieldProblem> problems = new ArrayList<>();
        if (workflowId != null && connectionId != null) {
            problems.add(new FieldProblem("workflowId", "a window covers one workflow, one connection or"
                    + " (with neither) everything: give at most one of workflowId, connectionId"));
        }
        if (workflowId != null && !db.fetchExists(db.selectOne().from("workflows").where("id = ?", workflowId))) {
            problems.add(new FieldProblem("workflowId", "must be the id of a workflow; there is none " + workflowId));
        }
        if (connectionId != null && !db.fetchExists(db.selectOne().from("connections")
                .where("id = ?", connectionId))) {
            problems.add(new FieldProblem("connectionId", "must be the id of a connection; there is none '"
                    + connectionId + "'"));
        }
        if (startsAt == null) {
            problems.add(new FieldProblem("startsAt", "must be an ISO-8601 time, e.g. 2026-01-31T22:00:00Z"));
        }
        if (endsAt == null) {
            problems.add(new FieldProblem("endsAt", "must be an ISO-8601 time, e.g. 2026-01-31T23:00:00Z"));
        } else if (startsAt != null && !endsAt.isAfter(startsAt)) {
            problems.add(new FieldProblem("endsAt", "must be after startsAt"));
        }
        if (reason != null && reason.length() > 500) {
            problems.add(new FieldProblem("reason", "must be at most 500 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID id = store.insertWindow(workflowId, connectionId, startsAt, endsAt, reason, CurrentUser.name());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("workflowId", workflowId);
        details.put("connectionId", connectionId);
        details.put("startsAt", startsAt.toInstant().toString());
        details.put("endsAt", endsAt.toInstant().toString());
        details.put("reason", reason);
        audit.record("maintenance-window.created", "maintenance-window", id.toString(), details);
        return store.window(id).orElseThrow();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    public void delete(UUID id) {
        MaintenanceWindow window = store.window(id).orElseThrow(() ->
                new NotFoundException("no maintenance window " + id));
        store.deleteWindow(id);
        audit.record("maintenance-window.deleted", "maintenance-window", id.toString(),
                Map.of("reason", window.reason()));
    }
}
