package dev.junction.backend.alerts.conditions;

import dev.junction.backend.alerts.AlertEvaluation;
import dev.junction.backend.alerts.AlertFinding;
import dev.junction.backend.alerts.AlertMemory;
import dev.junction.backend.alerts.AlertScope;
import dev.junction.backend.alerts.CycleReads;
import dev.junction.backend.alerts.ScopedWorkflows;
import dev.junction.backend.alerts.StatefulAlertCondition;
import dev.junction.engine.runs.ErrorCategory;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * "A run failed": every run in scope that ended {@code failed} or {@code dead_lettered} since the last evaluation.
 * Failures with the same workflow, failing step and error class are one finding (fingerprint
 * {@code run_failed:<workflow>:<step>:<error class>}): five identical failures are one alert with five occurrences,
 * a different step or error class is another alert. A finding clears — and its alert resolves — when a run of that
 * workflow succeeds after its last failure, or when {@code quietMinutes} pass without another such failure.
 *
 * <p>State: {@code position} (the latest end seen), {@code recent} (ids of failures that ended within the overlap
 * before it: a run whose end committed late is still seen once) and {@code open} (the fingerprints not yet cleared,
 * with their last failure). Test runs from the designer never count. The failures of all workflows and their last
 * successes are read once per cycle and shared by every such rule (each takes its scope's).
 */
@Component
public class RunFailedCondition implements StatefulAlertCondition {

    /** How far back each evaluation looks again for ends that committed after a later end was seen. */
    static final Duration OVERLAP = Duration.ofMinutes(1);
    /** The most failures one evaluation reads (the rest are read by the next one). */
    static final int BATCH = 5_000;
    /** The most failures one cycle reads for all rules together. */
    static final int SHARED_LIMIT = 50_000;

    private final DSLContext db;
    private final ScopedWorkflows scopes;

    RunFailedCondition(DSLContext db, ScopedWorkflows scopes) {
        this.db = db;
        this.scopes = scopes;
    }

    @Override
    public String kind() {
        return "run_failed";
    }

    @Override
    public String title() {
        return "A run failed";
    }

    @Override
    public Map<String, Object> parametersSchema() {
        List<String> categories = Arrays.stream(ErrorCategory.values()).map(ErrorCategory::jsonName).toList();
        List<String> labels = Arrays.stream(ErrorCategory.values()).map(ErrorCategory::label).toList();
        return ObjectSchema.requiring()
                .property("category", Map.of("type", "string", "title", "Error kind",
                        "description", "Only failures of this kind (empty: any failure)", "enum", categories,
                        "x-enumNames", labels))
                .property("quietMinutes", Parameters.integerField("Quiet period (minutes)",
                        "The alert resolves after this long without another such failure (0: only a later success"
                                + " of the workflow resolves it)", 0, 10_080, 60))
                .build();
    }

    @Override
    public AlertEvaluation evaluate(AlertScope scope, Map<String, Object> parameters, AlertMemory memory,
                                    Instant now) {
        return evaluate(scope, parameters, memory, now, new CycleReads());
    }

    @Override
    @SuppressWarnings("unchecked")
    public AlertEvaluation evaluate(AlertScope scope, Map<String, Object> parameters, AlertMemory memory,
                                    Instant now, CycleReads reads) {
        Map<String, Object> state = memory.state();
        boolean first = !(state.get("position") instanceof String);
        Instant position = first ? memory.since() : Instant.parse((String) state.get("position"));
        Set<String> recent = new LinkedHashSet<>(state.get("recent") instanceof List<?> ids
                ? ids.stream().map(String::valueOf).toList() : List.of());
        Map<String, Map<String, Object>> open = new LinkedHashMap<>();
        if (state.get("open") instanceof Map<?, ?> known) {
            known.forEach((fingerprint, entry) -> open.put((String) fingerprint,
                    new LinkedHashMap<>((Map<String, Object>) entry)));
        }
        String category = Parameters.text(parameters, "category", null);
        var workflows = scopes.of(scope, reads);
        Instant from = first ? position : position.minus(OVERLAP);
        List<Failure> failures = reads.<SharedFailures>once(new SharedKey(now), () -> new SharedFailures(now))
                .since(from, workflows).orElseGet(() -> failures(from, now, workflows));

        Map<String, Integer> counted = new HashMap<>();
        Instant newest = position;
        for (Failure failure : failures) {
            String runId = failure.runId().toString();
            Instant finished = failure.finished();
            newest = finished.isAfter(newest) ? finished : newest;
            if (recent.contains(runId)) {
                continue;
            }
            recent.add(runId);
            String errorClass = failure.errorClass();
            ErrorCategory kind = ErrorCategory.of(errorClass);
            if (category != null && !kind.jsonName().equals(category)) {
                continue;
            }
            UUID workflowId = failure.workflowId();
            String node = failure.nodeId();
            String fingerprint = "run_failed:" + workflowId + ":" + (node == null ? "-" : node) + ":"
                    + (errorClass == null ? "-" : errorClass);
            Map<String, Object> entry = open.computeIfAbsent(fingerprint, key -> new LinkedHashMap<>());
            long failuresSoFar = entry.get("failures") instanceof Number number ? number.longValue() : 0;
            entry.putIfAbsent("firstFailureAt", finished.toString());
            entry.put("failures", failuresSoFar + 1);
            entry.put("lastFailureAt", finished.toString());
            entry.put("runId", runId);
            entry.put("workflowId", workflowId.toString());
            entry.put("workflowName", failure.workflowName());
            entry.put("nodeId", node);
            entry.put("errorClass", errorClass);
            entry.put("category", kind.jsonName());
            entry.put("errorMessage", failure.errorMessage());
            entry.put("status", failure.status());
            counted.merge(fingerprint, 1, Integer::sum);
        }
        if (failures.size() < BATCH && now.isAfter(newest)) {
            // nothing more is waiting: the next evaluation starts from now (less the overlap)
            newest = now;
        }
        Instant keepFrom = newest.minus(OVERLAP);
        List<String> stillRecent = new ArrayList<>();
        for (Failure failure : failures) {
            if (failure.finished().isAfter(keepFrom)) {
                stillRecent.add(failure.runId().toString());
            }
        }
        clearResolved(open, counted, parameters, now, reads);

        List<AlertFinding> findings = new ArrayList<>();
        open.forEach((fingerprint, entry) -> findings.add(finding(fingerprint, entry)));
        Map<String, Integer> occurrences = new HashMap<>();
        open.keySet().forEach(fingerprint -> occurrences.put(fingerprint, counted.getOrDefault(fingerprint, 0)));
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("position", newest.toString());
        next.put("recent", stillRecent);
        next.put("open", open);
        return new AlertEvaluation(findings, occurrences, next);
    }

    /** Drops the fingerprints whose workflow succeeded after their last failure, or that stayed quiet long enough. */
    private void clearResolved(Map<String, Map<String, Object>> open, Map<String, Integer> counted,
                               Map<String, Object> parameters, Instant now, CycleReads reads) {
        if (open.isEmpty()) {
            return;
        }
        long quietMinutes = Parameters.integer(parameters, "quietMinutes", 60);
        Map<UUID, Instant> lastSuccess = LastSuccesses.of(db, reads, now);
        open.entrySet().removeIf(fingerprint -> {
            Map<String, Object> entry = fingerprint.getValue();
            Instant last = Instant.parse((String) entry.get("lastFailureAt"));
            Instant success = lastSuccess.get(UUID.fromString((String) entry.get("workflowId")));
            boolean succeededSince = success != null && success.isAfter(last);
            boolean quiet = quietMinutes > 0 && !last.plus(Duration.ofMinutes(quietMinutes)).isAfter(now);
            return (succeededSince || quiet) && !counted.containsKey(fingerprint.getKey());
        });
    }

    /** A failed or dead-lettered run as this condition reads it. */
    record Failure(UUID runId, UUID workflowId, String workflowName, String nodeId, String errorClass,
                   String errorMessage, String status, Instant finished) {
    }

    /**
     * The failures in scope that ended in ({@code from}, {@code to}], oldest first, at most {@link #BATCH}: one
     * rule's own read, when the cycle's shared read holds too many.
     */
    private List<Failure> failures(Instant from, Instant to, Optional<Map<UUID, String>> workflows) {
        ScopeClause clause = ScopeClause.of("r.workflow_id", workflows);
        return read(clause.sql(), append(clause.after(at(from), at(to)), BATCH));
    }

    private List<Failure> read(String scopeSql, Object... binds) {
        List<Failure> failures = new ArrayList<>();
        for (Record row : db.fetch("""
                select r.id, r.workflow_id, w.name, r.failed_node_id, r.error_class, r.error_message, r.status,
                       r.finished_at
                from runs r join workflows w on w.id = r.workflow_id
                where r.status in ('failed', 'dead_lettered') and r.trigger_kind <> 'test'
                  and r.finished_at > ?::timestamptz and r.finished_at <= ?::timestamptz""" + scopeSql
                + " order by r.finished_at, r.id limit ?", binds)) {
            failures.add(new Failure(row.get("id", UUID.class), row.get("workflow_id", UUID.class),
                    row.get("name", String.class), row.get("failed_node_id", String.class),
                    row.get("error_class", String.class), row.get("error_message", String.class),
                    row.get("status", String.class), row.get("finished_at", OffsetDateTime.class).toInstant()));
        }
        return failures;
    }

    private record SharedKey(Instant now) {
    }

    /**
     * The failures of every workflow ended in ({@code coveredFrom}, {@code now}], oldest first — read once per
     * cycle, reaching further back when a rule needs it, and shared by all {@code run_failed} rules: each takes its
     * scope's. When a read would hold more than {@link #SHARED_LIMIT} failures it is given up, and each rule reads
     * its own (at most {@link #BATCH}).
     */
    private final class SharedFailures {

        private final Instant now;
        private Instant coveredFrom;
        private List<Failure> failures = List.of();
        private boolean complete = true;

        SharedFailures(Instant now) {
            this.now = now;
            this.coveredFrom = now;
        }

        /** The rule's failures since {@code from} (at most {@link #BATCH}), or empty when there are too many to share. */
        Optional<List<Failure>> since(Instant from, Optional<Map<UUID, String>> workflows) {
            if (complete && from.isBefore(coveredFrom)) {
                List<Failure> earlier = read("", at(from), at(coveredFrom), SHARED_LIMIT + 1);
                if (earlier.size() > SHARED_LIMIT || earlier.size() + failures.size() > SHARED_LIMIT) {
                    complete = false;
                    failures = List.of();
                } else {
                    List<Failure> all = new ArrayList<>(earlier);
                    all.addAll(failures);
                    failures = all;
                    coveredFrom = from;
                }
            }
            if (!complete) {
                return Optional.empty();
            }
            List<Failure> ofRule = new ArrayList<>();
            for (Failure failure : failures) {
                if (failure.finished().isAfter(from) && !failure.finished().isAfter(now)
                        && (workflows.isEmpty() || workflows.get().containsKey(failure.workflowId()))) {
                    ofRule.add(failure);
                    if (ofRule.size() == BATCH) {
                        break;
                    }
                }
            }
            return Optional.of(ofRule);
        }
    }

    private static AlertFinding finding(String fingerprint, Map<String, Object> entry) {
        long failures = ((Number) entry.get("failures")).longValue();
        String node = (String) entry.get("nodeId");
        String errorClass = (String) entry.get("errorClass");
        String summary = "Workflow \"" + entry.get("workflowName") + "\" failed"
                + (node == null ? "" : " at step \"" + node + "\"")
                + (errorClass == null ? "" : " with " + errorClass)
                + (entry.get("errorMessage") == null ? "" : ": " + entry.get("errorMessage"));
        // one failure: the run itself; more: the list of this workflow's failures of this class since the first
        String link = failures == 1 ? "runs/" + entry.get("runId")
                : "runs?workflow=" + entry.get("workflowId") + "&status=dead_lettered,failed"
                + (errorClass == null ? "" : "&errorClass=" + errorClass) + "&from=" + entry.get("firstFailureAt");
        Map<String, Object> details = new LinkedHashMap<>(entry);
        details.put("runLink", "runs/" + entry.get("runId"));
        return new AlertFinding(fingerprint, summary, link, details);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Object[] append(Object[] binds, Object last) {
        Object[] all = Arrays.copyOf(binds, binds.length + 1);
        all[binds.length] = last;
        return all;
    }
}
