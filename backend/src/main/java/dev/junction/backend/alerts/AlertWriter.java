package dev.junction.backend.alerts;

import dev.junction.backend.audit.AuditTrail;
import dev.junction.engine.json.PayloadJson;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes one transaction's {@link AlertWrites} set-based: one {@code update} of the alerts it resolves, one of the
 * open alerts found again (occurrences, last seen, summary, link, details, window, last notified — each row's own
 * values from arrays), one {@code insert} of the new firing alerts, one of their audit entries ({@code alert.fired},
 * {@code alert.resolved}) and one of the outbox rows of every notification — at most five statements however many
 * alerts a batch of rules changes. Each notification's message is the alert as these statements leave it (built
 * here, not read back); timestamps are kept to the database's microseconds so that the message and the row agree.
 */
@Component
class AlertWriter {

    private final DSLContext db;
    private final AuditTrail audit;

    AlertWriter(DSLContext db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    private record Notification(AlertRule rule, Alert alert, String reason) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void write(AlertWrites writes, OffsetDateTime at) {
        if (writes.isEmpty()) {
            return;
        }
        OffsetDateTime now = at.truncatedTo(ChronoUnit.MICROS);
        List<Notification> notifications = new ArrayList<>();
        List<AuditTrail.Action> audited = new ArrayList<>();
        notifications.addAll(fire(writes.firings(), now, audited));
        notifications.addAll(foundAgain(writes.foundAgain(), now));
        notifications.addAll(resolve(writes.resolutions(), now, audited));
        audit.recordAllAs(FindingsApplier.SYSTEM, audited);
        enqueue(notifications);
    }

    private List<Notification> fire(List<AlertWrites.Firing> firings, OffsetDateTime now,
                                    List<AuditTrail.Action> audited) {
        if (firings.isEmpty()) {
            return List.of();
        }
        int n = firings.size();
        UUID[] rules = new UUID[n];
        String[] fingerprints = new String[n];
        String[] summaries = new String[n];
        String[] links = new String[n];
        String[] details = new String[n];
        Integer[] occurrences = new Integer[n];
        UUID[] windows = new UUID[n];
        Boolean[] notified = new Boolean[n];
        for (int i = 0; i < n; i++) {
            AlertWrites.Firing firing = firings.get(i);
            rules[i] = firing.rule().id();
            fingerprints[i] = firing.finding().fingerprint();
            summaries[i] = firing.finding().summary();
            links[i] = firing.finding().link();
            details[i] = AlertStore.json(firing.finding().details());
            occurrences[i] = firing.occurrences();
            windows[i] = firing.windowId();
            notified[i] = firing.notifies();
        }
        Map<String, UUID> ids = new HashMap<>();
        db.fetch("""
                insert into alerts (rule_id, fingerprint, state, summary, link, details, occurrences, first_seen_at,
                                    last_seen_at, maintenance_window_id, last_notified_at)
                select v.rule_id, v.fingerprint, 'firing', v.summary, v.link, v.details::jsonb, v.occurrences,
                       ?::timestamptz, ?::timestamptz, v.window_id, case when v.notified then ?::timestamptz end
                from unnest(?, ?, ?, ?, ?, ?, ?, ?) with ordinality
                    as v(rule_id, fingerprint, summary, link, details, occurrences, window_id, notified, ord)
                order by v.ord
                returning id, rule_id, fingerprint""", now, now, now, uuids(rules), texts(fingerprints),
                        texts(summaries), texts(links), texts(details), ints(occurrences), uuids(windows),
                        booleans(notified))
                .forEach(row -> ids.put(row.get("rule_id", UUID.class) + " " + row.get("fingerprint", String.class),
                        row.get("id", UUID.class)));
        List<Notification> notifications = new ArrayList<>();
        for (AlertWrites.Firing firing : firings) {
            AlertRule rule = firing.rule();
            AlertFinding finding = firing.finding();
            UUID id = ids.get(rule.id() + " " + finding.fingerprint());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("rule", rule.name());
            entry.put("fingerprint", finding.fingerprint());
            entry.put("summary", finding.summary());
            if (firing.windowId() != null) {
                entry.put("maintenanceWindow", firing.windowId().toString());
            }
            audited.add(new AuditTrail.Action("alert.fired", "alert", id.toString(), entry));
            if (firing.notifies()) {
                notifications.add(new Notification(rule, new Alert(id, rule.id(), rule.name(), rule.severity(),
                        finding.fingerprint(), "firing", finding.summary(), finding.link(),
                        asStored(finding.details()), firing.occurrences(), now, now, null, null, null, null, null,
                        null, null, now, firing.windowId()), "firing"));
            }
        }
        return notifications;
    }

    private List<Notification> foundAgain(List<AlertWrites.FoundAgain> found, OffsetDateTime now) {
        if (found.isEmpty()) {
            return List.of();
        }
        int n = found.size();
        UUID[] ids = new UUID[n];
        Integer[] occurrences = new Integer[n];
        String[] summaries = new String[n];
        String[] links = new String[n];
        String[] details = new String[n];
        UUID[] windows = new UUID[n];
        Boolean[] notified = new Boolean[n];
        List<Notification> notifications = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AlertWrites.FoundAgain again = found.get(i);
            Alert alert = again.alert();
            AlertFinding finding = again.finding();
            ids[i] = alert.id();
            occurrences[i] = again.newOccurrences();
            summaries[i] = finding.summary();
            links[i] = finding.link();
            details[i] = AlertStore.json(finding.details());
            windows[i] = again.windowId();
            notified[i] = again.notification() != null;
            if (again.notification() != null) {
                notifications.add(new Notification(again.rule(), new Alert(alert.id(), alert.ruleId(),
                        alert.ruleName(), alert.severity(), alert.fingerprint(), alert.state(), finding.summary(),
                        finding.link(), asStored(finding.details()), alert.occurrences() + again.newOccurrences(),
                        alert.firstSeenAt(), again.newOccurrences() > 0 ? now : alert.lastSeenAt(),
                        alert.acknowledgedBy(), alert.acknowledgedAt(), alert.snoozedUntil(), alert.snoozedBy(),
                        alert.resolvedAt(), alert.resolvedBy(), alert.resolutionNote(), now,
                        again.windowId() != null ? again.windowId() : alert.maintenanceWindowId()),
                        again.notification()));
            }
        }
        db.execute("""
                update alerts a set occurrences = a.occurrences + v.occurrences,
                    last_seen_at = case when v.occurrences > 0 then ?::timestamptz else a.last_seen_at end,
                    summary = v.summary, link = v.link, details = v.details::jsonb,
                    maintenance_window_id = coalesce(v.window_id, a.maintenance_window_id),
                    last_notified_at = case when v.notified then ?::timestamptz else a.last_notified_at end
                from unnest(?, ?, ?, ?, ?, ?, ?) as v(id, occurrences, summary, link, details, window_id, notified)
                where a.id = v.id""", now, now, uuids(ids), ints(occurrences), texts(summaries), texts(links),
                texts(details), uuids(windows), booleans(notified));
        return notifications;
    }

    private List<Notification> resolve(List<AlertWrites.Resolution> resolutions, OffsetDateTime now,
                                       List<AuditTrail.Action> audited) {
        if (resolutions.isEmpty()) {
            return List.of();
        }
        String note = "the condition cleared";
        List<UUID> ids = new ArrayList<>();
        List<UUID> notifying = new ArrayList<>();
        List<Notification> notifications = new ArrayList<>();
        for (AlertWrites.Resolution resolution : resolutions) {
            Alert alert = resolution.alert();
            ids.add(alert.id());
            audited.add(new AuditTrail.Action("alert.resolved", "alert", alert.id().toString(), Map.of("rule",
                    resolution.rule().name(), "fingerprint", alert.fingerprint(), "by", note)));
            if (resolution.notifies()) {
                notifying.add(alert.id());
                notifications.add(new Notification(resolution.rule(), new Alert(alert.id(), alert.ruleId(),
                        alert.ruleName(), alert.severity(), alert.fingerprint(), "resolved", alert.summary(),
                        alert.link(), alert.details(), alert.occurrences(), alert.firstSeenAt(), alert.lastSeenAt(),
                        alert.acknowledgedBy(), alert.acknowledgedAt(), alert.snoozedUntil(), alert.snoozedBy(), now,
                        null, note, now, alert.maintenanceWindowId()), "resolved"));
            }
        }
        db.execute("""
                update alerts set state = 'resolved', resolved_at = ?::timestamptz, resolved_by = null,
                    resolution_note = ?,
                    last_notified_at = case when id = any(?) then ?::timestamptz else last_notified_at end
                where id = any(?)""", now, note, uuids(notifying.toArray(UUID[]::new)), now,
                uuids(ids.toArray(UUID[]::new)));
        return notifications;
    }

    /** One outbox row per notification and enabled channel of its rule (as {@link AlertStore#enqueue}). */
    private void enqueue(List<Notification> notifications) {
        List<Notification> sent = notifications.stream().filter(n -> !n.rule().channelIds().isEmpty()).toList();
        if (sent.isEmpty()) {
            return;
        }
        int n = sent.size();
        UUID[] alerts = new UUID[n];
        String[] channels = new String[n];
        String[] reasons = new String[n];
        String[] messages = new String[n];
        for (int i = 0; i < n; i++) {
            Notification notification = sent.get(i);
            alerts[i] = notification.alert().id();
            channels[i] = "{" + String.join(",", notification.rule().channelIds().stream().map(UUID::toString)
                    .toList()) + "}";
            reasons[i] = notification.reason();
            messages[i] = AlertStore.json(FindingsApplier.message(notification.rule(), notification.alert(),
                    notification.reason()));
        }
        db.execute("""
                insert into alert_notifications (alert_id, channel_id, reason, message)
                select v.alert_id, c.id, v.reason, v.message::jsonb
                from unnest(?, ?, ?, ?) with ordinality as v(alert_id, channels, reason, message, ord)
                join alert_channels c on c.id = any(v.channels::uuid[]) and c.enabled
                order by v.ord, c.id""", uuids(alerts), texts(channels), texts(reasons), texts(messages));
    }

    /** The details as the database gives them back (through JSON), as {@link AlertStore#find} would read them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> asStored(Map<String, Object> details) {
        return (Map<String, Object>) PayloadJson.read(AlertStore.json(details));
    }

    private static Field<UUID[]> uuids(UUID[] values) {
        return DSL.val(values, SQLDataType.UUID.array());
    }

    private static Field<String[]> texts(String[] values) {
        return DSL.val(values, SQLDataType.CLOB.array());
    }

    private static Field<Integer[]> ints(Integer[] values) {
        return DSL.val(values, SQLDataType.INTEGER.array());
    }

    private static Field<Boolean[]> booleans(Boolean[] values) {
        return DSL.val(values, SQLDataType.BOOLEAN.array());
    }
}
