package dev.junction.backend.alerts;

import dev.junction.engine.json.PayloadJson;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns one evaluation's findings into alert changes and outbox rows, inside the transaction that claimed the rule:
 * <ul>
 * <li>a fingerprint with no open alert and new occurrences: a new {@code firing} alert, one {@code firing}
 * notification per channel;</li>
 * <li>an open alert found again: its occurrences and last-seen move on; it notifies again ({@code renotify}) only
 * while firing (not acknowledged), when the rule's renotify interval passed since its last notification or a snooze
 * ended since; one that never notified (it fired in a maintenance window or snoozed) sends its {@code firing} once it
 * may;</li>
 * <li>an open alert no longer found: {@code resolved}, with a {@code resolved} notification if it had notified.</li>
 * </ul>
 * Nothing notifies while a maintenance window of the alert's scope is open (the alert records the window) or while
 * the alert is snoozed. The changes are collected per rule and written per batch of rules ({@link AlertWrites},
 * {@link AlertWriter}): a few set-based statements per transaction, not several per alert.
 */
@Component
class FindingsApplier {

    static final String SYSTEM = "system";

    private final AlertStore alerts;
    private final AlertWriter writer;

    FindingsApplier(AlertStore alerts, AlertWriter writer) {
        this.alerts = alerts;
        this.writer = writer;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void apply(AlertRule rule, AlertEvaluation evaluation, OffsetDateTime now) {
        AlertWrites writes = new AlertWrites();
        apply(rule, evaluation, now, alerts.openOfRuleLocked(rule.id()), alerts.openWindows(now), writes);
        writer.write(writes, now);
    }

    /**
     * As {@link #apply(AlertRule, AlertEvaluation, OffsetDateTime)} with the rule's open alerts (locked by this
     * transaction) and the maintenance windows open now already read — the evaluator reads them for many rules at
     * once — and the changes collected in {@code writes}, which the evaluator writes for all rules of its batch at
     * once ({@link AlertWriter}) before the transaction ends.
     */
    void apply(AlertRule rule, AlertEvaluation evaluation, OffsetDateTime now, Map<String, Alert> open,
               List<MaintenanceWindow> windows, AlertWrites writes) {
        Set<String> found = new HashSet<>();
        for (AlertFinding finding : evaluation.findings()) {
            if (!found.add(finding.fingerprint())) {
                continue; // one alert per fingerprint: a condition naming one twice found it once
            }
            int occurrences = evaluation.newOccurrences(finding.fingerprint());
            UUID window = windowOver(rule, finding.details(), windows).map(MaintenanceWindow::id).orElse(null);
            Alert alert = open.get(finding.fingerprint());
            if (alert == null) {
                if (occurrences > 0) {
                    writes.fire(new AlertWrites.Firing(rule, finding, occurrences, window, window == null));
                }
                continue;
            }
            String notification = null;
            if (alert.state().equals("firing") && window == null && !alert.snoozedAt(now)) {
                if (alert.lastNotifiedAt() == null) {
                    notification = "firing";
                } else if (renotifyDue(rule, alert, now)) {
                    notification = "renotify";
                }
            }
            if (notification != null || changes(alert, finding, occurrences, window)) {
                writes.foundAgain(new AlertWrites.FoundAgain(rule, alert, finding, occurrences, window,
                        notification));
            }
        }
        for (Alert alert : open.values()) {
            if (found.contains(alert.fingerprint())) {
                continue;
            }
            boolean quiet = windowOver(rule, alert.details(), windows).isPresent() || alert.snoozedAt(now);
            writes.resolve(new AlertWrites.Resolution(rule, alert, alert.lastNotifiedAt() != null && !quiet));
        }
    }

    /** Writes what {@link #apply} collected for a batch of rules, in a few statements ({@link AlertWriter}). */
    @Transactional(propagation = Propagation.MANDATORY)
    void write(AlertWrites writes, OffsetDateTime now) {
        writer.write(writes, now);
    }

    /**
     * Whether finding an open alert again changes its row: new occurrences, another summary, link or details, or a
     * maintenance window it does not record yet. Most alerts found again in a cycle change nothing, and write nothing
     * (the details are compared as the database gives them back: through JSON).
     */
    private static boolean changes(Alert alert, AlertFinding finding, int occurrences, UUID window) {
        return occurrences > 0 || !Objects.equals(alert.summary(), finding.summary())
                || !Objects.equals(alert.link(), finding.link())
                || (window != null && !window.equals(alert.maintenanceWindowId()))
                || !Objects.equals(alert.details(), finding.details() == null ? null
                : PayloadJson.read(PayloadJson.write(finding.details())));
    }

    private static boolean renotifyDue(AlertRule rule, Alert alert, OffsetDateTime now) {
        boolean snoozeEnded = alert.snoozedUntil() != null && !alert.snoozedUntil().isAfter(now)
                && alert.lastNotifiedAt().isBefore(alert.snoozedUntil());
        boolean intervalPassed = rule.renotifyMinutes() != null
                && !alert.lastNotifiedAt().plus(Duration.ofMinutes(rule.renotifyMinutes())).isAfter(now);
        return snoozeEnded || intervalPassed;
    }

    /** Writes the outbox rows of one notification of the alert as it is now (after this transaction's changes). */
    void notify(AlertRule rule, UUID alertId, String reason, OffsetDateTime now) {
        Alert alert = alerts.find(alertId).orElseThrow();
        alerts.enqueue(alertId, rule.channelIds(), reason, message(rule, alert, reason));
        alerts.notified(alertId, now);
    }

    /** The outbox message: exactly the fields OPS.md and docs/alerts.md list. */
    static Map<String, Object> message(AlertRule rule, Alert alert, String reason) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("alertId", alert.id().toString());
        message.put("ruleId", rule.id().toString());
        message.put("ruleName", rule.name());
        message.put("severity", rule.severity());
        message.put("state", alert.state());
        message.put("reason", reason);
        message.put("summary", alert.summary());
        message.put("link", alert.link());
        message.put("occurrences", (long) alert.occurrences());
        message.put("firstSeenAt", alert.firstSeenAt().toInstant().toString());
        message.put("lastSeenAt", alert.lastSeenAt().toInstant().toString());
        message.put("template", rule.messageTemplate());
        message.put("details", alert.details());
        return message;
    }

    /** The open window whose scope covers the rule or the finding's workflow, if any. */
    static Optional<MaintenanceWindow> windowOver(AlertRule rule, Map<String, Object> details,
                                                  List<MaintenanceWindow> windows) {
        Object workflowId = details == null ? null : details.get("workflowId");
        String workflow = workflowId == null ? null : String.valueOf(workflowId);
        return windows.stream().filter(window -> {
            if (window.workflowId() == null && window.connectionId() == null) {
                return true;
            }
            if (window.workflowId() != null && (window.workflowId().equals(rule.workflowId())
                    || window.workflowId().toString().equals(workflow))) {
                return true;
            }
            return window.connectionId() != null && window.connectionId().equals(rule.connectionId());
        }).findFirst();
    }
}
