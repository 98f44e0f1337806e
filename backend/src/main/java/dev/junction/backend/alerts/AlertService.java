package dev.junction.backend.alerts;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What people do with alerts: list them (every user), acknowledge, snooze (for a while or until a time), unsnooze and
 * resolve with a note (ADMIN, OPERATOR). Every action is audited with the acting user. A manually resolved alert whose
 * condition finds new occurrences later opens a new alert.
 */
@Service
public class AlertService {

    public static final List<String> STATES = List.of("firing", "acknowledged", "resolved");
    static final Duration LONGEST_SNOOZE = Duration.ofDays(30);
    private static final int MAX_NOTE = 2_000;

    private final AlertStore alerts;
    private final AlertRuleStore rules;
    private final FindingsApplier applier;
    private final AuditTrail audit;
    private final Clock clock;

    AlertService(AlertStore alerts, AlertRuleStore rules, FindingsApplier applier, AuditTrail audit, Clock clock) {
        this.alerts = alerts;
        this.rules = rules;
        this.applier = applier;
        this.audit = audit;
        this.clock = clock;
    }

    /** Alerts newest first; each filter null or empty: any. */
    @Transactional(readOnly = true)
    public List<Alert> list(List<String> states, String severity, UUID ruleId, UUID workflowId, int limit) {
        if (states != null) {
            for (String state : states) {
                if (!STATES.contains(state)) {
                    throw new InvalidInputException("state", "must be one of " + STATES + ", got '" + state + "'");
                }
            }
        }
        if (severity != null && !AlertRuleService.SEVERITIES.contains(severity)) {
            throw new InvalidInputException("severity", "must be one of info, warning, critical, got '" + severity
                    + "'");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "must be 1 to 1000");
        }
        return alerts.list(states, severity, ruleId, workflowId, limit);
    }

    @Transactional(readOnly = true)
    public Alert get(UUID id) {
        return alerts.find(id).orElseThrow(() -> new NotFoundException("no alert " + id));
    }

    /** Acknowledges a firing alert: it stays open but notifies no more (no renotify). */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    public Alert acknowledge(UUID id) {
        Alert alert = locked(id);
        if (alert.state().equals("resolved")) {
            throw new ConflictException("state", "the alert is resolved; only an open alert can be acknowledged");
        }
        if (alert.state().equals("firing")) {
            alerts.acknowledge(id, now(), CurrentUser.name());
            audit.record("alert.acknowledged", "alert", id.toString(), Map.of("rule", alert.ruleName()));
        }
        return get(id);
    }

    /** Snoozes an open alert until {@code until}: it notifies nobody until then. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    public Alert snooze(UUID id, OffsetDateTime until) {
        Alert alert = locked(id);
        OffsetDateTime now = now();
        if (until == null || !until.isAfter(now)) {
            throw new InvalidInputException("until", "must be a time after now");
        }
        if (until.isAfter(now.plus(LONGEST_SNOOZE))) {
            throw new InvalidInputException("until", "must be within " + LONGEST_SNOOZE.toDays() + " days");
        }
        if (alert.state().equals("resolved")) {
            throw new ConflictException("state", "the alert is resolved; only an open alert can be snoozed");
        }
        alerts.snooze(id, until, CurrentUser.name());
        audit.record("alert.snoozed", "alert", id.toString(), Map.of("rule", alert.ruleName(), "until",
                until.toInstant().toString()));
        return get(id);
    }

    /** Snoozes for {@code minutes} from now. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    public Alert snoozeFor(UUID id, long minutes) {
        if (minutes < 1 || minutes > LONGEST_SNOOZE.toMinutes()) {
            throw new InvalidInputException("minutes", "must be 1 to " + LONGEST_SNOOZE.toMinutes());
        }
        return snooze(id, now().plusMinutes(minutes));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    public Alert unsnooze(UUID id) {
        Alert alert = locked(id);
        if (alert.snoozedUntil() != null) {
            alerts.snooze(id, null, null);
            audit.record("alert.unsnoozed", "alert", id.toString(), Map.of("rule", alert.ruleName()));
        }
        return get(id);
    }

    /** Resolves an open alert by hand with a note; it notifies {@code resolved} if it had notified. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    public Alert resolve(UUID id, String note) {
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "must be at most " + MAX_NOTE + " characters");
        }
        Alert alert = locked(id);
        if (alert.state().equals("resolved")) {
            throw new ConflictException("state", "the alert is resolved already");
        }
        OffsetDateTime now = now();
        String text = note == null || note.isBlank() ? null : note.strip();
        alerts.resolve(id, now, CurrentUser.name(), text);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rule", alert.ruleName());
        details.put("note", text);
        audit.record("alert.resolved", "alert", id.toString(), details);
        if (alert.lastNotifiedAt() != null && !alert.snoozedAt(now)) {
            rules.find(alert.ruleId()).ifPresent(rule -> applier.notify(rule, id, "resolved", now));
        }
        return get(id);
    }

    private Alert locked(UUID id) {
        return alerts.findLocked(id).orElseThrow(() -> new NotFoundException("no alert " + id));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
