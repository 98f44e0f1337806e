package dev.junction.backend.alerts.conditions;

import dev.junction.backend.alerts.AlertFinding;
import dev.junction.backend.alerts.ScopedWorkflows;
import dev.junction.db.rollups.DurationBuckets;
import dev.junction.db.rollups.RollupRow;
import dev.junction.db.rollups.RunRollups;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * "A run took longer than k × its workflow's p95": per workflow in scope, the p95 duration of its successful runs
 * over the past {@code baselineDays} (from the hourly rollups' duration histograms, the current hour left out), and
 * the runs created in the last {@code windowMinutes} that ended — or are still running — longer than
 * {@code factor} × that p95. Still-running runs make this also the "running longer than usual" alarm for stuck runs.
 * A workflow with fewer than {@code minBaselineRuns} successful runs in the baseline has no p95 yet and is skipped.
 * One finding per workflow; it clears when the window holds no such run.
 */
@Component
public class DurationOverCondition extends WindowedRunsCondition {

    private final RunRollups rollups;

    DurationOverCondition(DSLContext db, ScopedWorkflows scopes, RunRollups rollups) {
        super("duration_over", "A run took longer than usual (k × p95)",
                new Parameter("factor", Parameters.numberField("Factor k",
                        "Fires when a run takes longer than k times its workflow's p95 duration", 1, 1000, 2)),
                "Looks at the runs created within this many minutes",
                List.of(new Parameter("baselineDays", Parameters.integerField("Baseline (days)",
                                "The p95 is of the successful runs of this many past days", 1, 90, 7)),
                        new Parameter("minBaselineRuns", Parameters.integerField("Minimum baseline runs",
                                "A workflow with fewer successful runs in the baseline is skipped", 1, 1_000_000, 20))),
                db, scopes);
        this.rollups = rollups;
    }

    @Override
    List<AlertFinding> evaluate(Optional<Map<UUID, String>> inScope, Map<String, Object> parameters, Window window) {
        double factor = Parameters.number(parameters, "factor", 2);
        long baselineDays = Parameters.integer(parameters, "baselineDays", 7);
        long minBaselineRuns = Parameters.integer(parameters, "minBaselineRuns", 20);
        Instant now = window.to();
        OffsetDateTime currentHour = at(now).truncatedTo(ChronoUnit.HOURS);
        Map<UUID, long[]> histograms = new HashMap<>();
        Map<UUID, Long> counts = new HashMap<>();
        UUID only = inScope.isPresent() && inScope.get().size() == 1 ? inScope.get().keySet().iterator().next() : null;
        for (RollupRow row : rollups.hours(currentHour.minusDays(baselineDays), currentHour, only)) {
            if (!row.status().equals("succeeded") || inScope.isPresent()
                    && !inScope.get().containsKey(row.workflowId())) {
                continue;
            }
            DurationBuckets.add(histograms.computeIfAbsent(row.workflowId(), id -> new long[DurationBuckets.COUNT]),
                    row.durationBuckets());
            counts.merge(row.workflowId(), row.runs(), Long::sum);
        }
        Map<UUID, Double> limits = new HashMap<>();
        histograms.forEach((workflow, histogram) -> {
            Double p95 = DurationBuckets.percentile(histogram, 0.95);
            if (p95 != null && counts.get(workflow) >= minBaselineRuns) {
                limits.put(workflow, p95 * factor);
            }
        });
        if (limits.isEmpty()) {
            return List.of();
        }
        ScopeClause clause = ScopeClause.of("r.workflow_id", Optional.of(limits.keySet().stream()
                .collect(Collectors.toMap(id -> id, id -> ""))));
        Instant from = window.from();
        record Slow(UUID runId, long millis, String status) {
        }
        Map<UUID, List<Slow>> slow = new LinkedHashMap<>();
        Map<UUID, String> names = new HashMap<>();
        for (Record row : db.fetch("""
                select r.id, r.workflow_id, w.name, r.status,
                       (extract(epoch from coalesce(r.finished_at, ?::timestamptz) - coalesce(r.started_at, r.created_at)) * 1000)
                           ::bigint as millis
                """ + RUNS_OF_WINDOW + """

                  and r.status in ('succeeded', 'failed', 'dead_lettered', 'running')""" + clause.sql()
                + " order by r.created_at", clause.after(at(now), at(from), at(now)))) {
            UUID workflow = row.get("workflow_id", UUID.class);
            long millis = row.get("millis", Long.class);
            if (millis > limits.get(workflow)) {
                slow.computeIfAbsent(workflow, id -> new ArrayList<>())
                        .add(new Slow(row.get("id", UUID.class), millis, row.get("status", String.class)));
                names.put(workflow, row.get("name", String.class));
            }
        }
        List<AlertFinding> findings = new ArrayList<>();
        slow.forEach((workflow, runs) -> {
            Slow slowest = runs.stream().max(java.util.Comparator.comparingLong(Slow::millis)).orElseThrow();
            long p95 = Math.round(limits.get(workflow) / factor);
            Map<String, Object> details = workflowDetails(workflow, names.get(workflow));
            details.put("runId", slowest.runId().toString());
            details.put("durationMs", slowest.millis());
            details.put("p95Ms", p95);
            details.put("factor", factor);
            details.put("slowRuns", runs.size());
            findings.add(new AlertFinding("duration_over:" + workflow, "Workflow \"" + names.get(workflow) + "\": "
                    + runs.size() + (runs.size() == 1 ? " run" : " runs") + " took longer than " + factor
                    + " × p95 (" + p95 + " ms); the slowest " + (slowest.status().equals("running")
                    ? "is still running after " : "took ") + slowest.millis() + " ms",
                    runs.size() == 1 ? "runs/" + slowest.runId() : "runs?workflow=" + workflow + "&from=" + from,
                    details));
        });
        return findings;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
