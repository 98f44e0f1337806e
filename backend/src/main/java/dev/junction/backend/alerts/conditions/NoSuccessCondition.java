package dev.junction.backend.alerts.conditions;

import dev.junction.backend.alerts.AlertCondition;
import dev.junction.backend.alerts.AlertFinding;
import dev.junction.backend.alerts.AlertScope;
import dev.junction.backend.alerts.CycleReads;
import dev.junction.backend.alerts.ScopedWorkflows;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * "No successful run in N minutes while one is expected" (absence). A workflow in scope is expected to succeed when
 * (expectation {@code trigger}) its published version has a schedule or polling trigger, or (expectation
 * {@code history}) it had a successful run in the same hour of the week in at least two of the past four weeks
 * (read from the hourly rollups); {@code either} (the default) takes both. A workflow created less than N minutes ago
 * is not yet expected to have succeeded. One finding per workflow; it clears with the next successful run (designer
 * test runs do not count). What it reads — every workflow, their last successes, triggers and rollup history — it
 * reads once per cycle for all such rules.
 */
@Component
public class NoSuccessCondition implements AlertCondition {

    private final DSLContext db;
    private final ScopedWorkflows scopes;

    NoSuccessCondition(DSLContext db, ScopedWorkflows scopes) {
        this.db = db;
        this.scopes = scopes;
    }

    @Override
    public String kind() {
        return "no_success";
    }

    @Override
    public String title() {
        return "No successful run while one is expected";
    }

    @Override
    public Map<String, Object> parametersSchema() {
        return ObjectSchema.requiring("minutes")
                .property("minutes", Parameters.integerField("Minutes",
                        "Fires when no run succeeded within this many minutes", 5, 10_080, 120))
                .property("expectation", Map.of("type", "string", "title", "Expected when",
                        "description", "trigger: published with a schedule or polling trigger; history: it"
                                + " succeeded in this hour of the week in 2 of the past 4 weeks; either: both",
                        "enum", List.of("either", "trigger", "history"), "default", "either",
                        "x-enumNames", List.of("By its trigger or its history",
                                "By its trigger: a schedule or polling", "By its history: this hour of the week")))
                .build();
    }

    @Override
    public List<AlertFinding> evaluate(AlertScope scope, Map<String, Object> parameters, Instant now) {
        return evaluate(scope, parameters, now, new CycleReads());
    }

    @Override
    public List<AlertFinding> evaluate(AlertScope scope, Map<String, Object> parameters, Instant now,
                                       CycleReads reads) {
        long minutes = Parameters.integer(parameters, "minutes", 120);
        String expectation = Parameters.text(parameters, "expectation", "either");
        Instant from = now.minus(Duration.ofMinutes(minutes));
        var inScope = scopes.of(scope, reads);
        Map<UUID, String> candidates = new LinkedHashMap<>();
        for (ScopedWorkflows.Workflow workflow : scopes.all(reads).values()) {
            if (!workflow.archived() && !workflow.createdAt().toInstant().isAfter(from)
                    && (inScope.isEmpty() || inScope.get().containsKey(workflow.id()))) {
                candidates.put(workflow.id(), workflow.name());
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<UUID, Instant> lastSuccess = LastSuccesses.of(db, reads, now);
        Set<UUID> expected = new HashSet<>();
        if (!expectation.equals("history")) {
            expected.addAll(reads.once("no_success.scheduled", this::scheduledOrPolling));
        }
        OffsetDateTime hour = at(now).truncatedTo(ChronoUnit.HOURS);
        Map<UUID, Integer> weeksWithSuccess = expectation.equals("trigger") ? Map.of()
                : reads.once(new HistoryKey(hour), () -> weeksWithSuccess(hour));
        weeksWithSuccess.forEach((workflow, weeks) -> {
            if (weeks >= 2) {
                expected.add(workflow);
            }
        });
        List<AlertFinding> findings = new ArrayList<>();
        candidates.forEach((workflowId, name) -> {
            Instant success = lastSuccess.get(workflowId);
            if (!expected.contains(workflowId) || success != null && success.isAfter(from)) {
                return;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("workflowId", workflowId.toString());
            details.put("workflowName", name);
            details.put("minutes", minutes);
            details.put("expectedBecause", weeksWithSuccess.getOrDefault(workflowId, 0) >= 2
                    ? "it succeeded in this hour of the week in " + weeksWithSuccess.get(workflowId)
                    + " of the past 4 weeks" : "it is published with a schedule or polling trigger");
            findings.add(new AlertFinding("no_success:" + workflowId, "Workflow \"" + name
                    + "\": no successful run in the last " + minutes + " minutes, though one is expected",
                    "runs?workflow=" + workflowId + "&from=" + from, details));
        });
        return findings;
    }

    private record HistoryKey(OffsetDateTime hour) {
    }

    /** The workflows whose published version has a schedule or polling trigger (once per cycle). */
    private Set<UUID> scheduledOrPolling() {
        Set<UUID> workflows = new HashSet<>();
        for (Record row : db.fetch("""
                select w.id from workflows w
                join workflow_versions v on v.workflow_id = w.id and v.version = w.published_version
                where v.definition -> 'trigger' ->> 'kind' in ('schedule', 'polling')""")) {
            workflows.add(row.get(0, UUID.class));
        }
        return workflows;
    }

    /** Per workflow, in how many of the past four weeks it succeeded in this hour of the week (hourly rollups). */
    private Map<UUID, Integer> weeksWithSuccess(OffsetDateTime hour) {
        OffsetDateTime[] hours = new OffsetDateTime[4];
        for (int week = 1; week <= 4; week++) {
            hours[week - 1] = hour.minusWeeks(week);
        }
        Map<UUID, Integer> weeks = new HashMap<>();
        for (Record row : db.fetch("select workflow_id, count(distinct hour) from run_rollups"
                + " where status = 'succeeded' and hour = any(?) group by workflow_id", DSL.val(hours,
                SQLDataType.TIMESTAMPWITHTIMEZONE.array()))) {
            weeks.put(row.get(0, UUID.class), row.get(1, Integer.class));
        }
        return weeks;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
