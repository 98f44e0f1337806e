package dev.junction.backend.alerts.conditions;

import dev.junction.backend.alerts.AlertFinding;
import dev.junction.backend.alerts.CycleReads;
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

/**
 * "A run took longer than k × its workflow's p95": per workflow in scope, the p95 duration of its successful runs
 * over the past {@code baselineDays} (from the hourly rollups' duration histograms, the current hour left out), and
 * the runs created in the last {@code windowMinutes} that ended — or are still running — longer than
 * {@code factor} × that p95. Still-running runs make this also the "running longer than usual" alarm for stuck runs.
 * A workflow with fewer than {@code minBaselineRuns} successful runs in the baseline has no p95 yet and is skipped.
 * One finding per workflow; it clears when the window holds no such run. The baselines (daily rollups for whole
 * days) and the window's runs are read once per cycle for every workflow, each rule keeping its scope's.
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

    /** The successful runs of a workflow in a baseline: how many, and their duration histogram. */
    private record Baseline(long runs, long[] histogram) {
    }

    /** One run of the window: its workflow, status and how long it took (or has been running). */
    private record WindowRun(UUID runId, UUID workflowId, String status, long millis) {
    }

    private record BaselineKey(OffsetDateTime currentHour, long days) {
    }

    private record WindowKey(Window window) {
    }

    @Override
    List<AlertFinding> evaluate(Optional<Map<UUID, String>> inScope, Map<String, Object> parameters, Window window,
                                CycleReads reads) {
        double factor = Parameters.number(parameters, "factor", 2);
        long baselineDays = Parameters.integer(parameters, "baselineDays", 7);
        long minBaselineRuns = Parameters.integer(parameters, "minBaselineRuns", 20);
        Instant now = window.to();
        OffsetDateTime currentHour = at(now).truncatedTo(ChronoUnit.HOURS);
        Map<UUID, Baseline> baselines = reads.once(new BaselineKey(currentHour, baselineDays),
                () -> baselines(currentHour.minusDays(baselineDays), currentHour));
        Map<UUID, Double> limits = new HashMap<>();
        baselines.forEach((workflow, baseline) -> {
            Double p95 = DurationBuckets.percentile(baseline.histogram(), 0.95);
            if (inScope(inScope, workflow) && p95 != null && baseline.runs() >= minBaselineRuns) {
                limits.put(workflow, p95 * factor);
            }
        });
        if (limits.isEmpty()) {
            return List.of();
        }
        Instant from = window.from();
        Map<UUID, List<WindowRun>> slow = new LinkedHashMap<>();
        for (WindowRun run : reads.<List<WindowRun>>once(new WindowKey(window), () -> windowRuns(window))) {
            Double limit = limits.get(run.workflowId());
            if (limit != null && run.millis() > limit) {
                slow.computeIfAbsent(run.workflowId(), id -> new ArrayList<>()).add(run);
            }
        }
        List<AlertFinding> findings = new ArrayList<>();
        slow.forEach((workflow, runs) -> {
            WindowRun slowest = runs.stream().max(java.util.Comparator.comparingLong(WindowRun::millis)).orElseThrow();
            long p95 = Math.round(limits.get(workflow) / factor);
            String name = name(inScope, workflow, reads);
            Map<String, Object> details = workflowDetails(workflow, name);
            details.put("runId", slowest.runId().toString());
            details.put("durationMs", slowest.millis());
            details.put("p95Ms", p95);
            details.put("factor", factor);
            details.put("slowRuns", runs.size());
            findings.add(new AlertFinding("duration_over:" + workflow, "Workflow \"" + name + "\": "
                    + runs.size() + (runs.size() == 1 ? " run" : " runs") + " took longer than " + factor
                    + " × p95 (" + p95 + " ms); the slowest " + (slowest.status().equals("running")
                    ? "is still running after " : "took ") + slowest.millis() + " ms",
                    runs.size() == 1 ? "runs/" + slowest.runId() : "runs?workflow=" + workflow + "&from=" + from,
                    details));
        });
        return findings;
    }

    /**
     * Every workflow's successful runs ended in [{@code from}, {@code to}), from the rollups: daily rows for whole
     * days, hourly rows for the rest ({@link RunRollups#covering}), summed per workflow.
     */
    private Map<UUID, Baseline> baselines(OffsetDateTime from, OffsetDateTime to) {
        Map<UUID, long[]> histograms = new HashMap<>();
        Map<UUID, Long> counts = new HashMap<>();
        for (RollupRow row : rollups.covering(from, to, null)) {
            if (!row.status().equals("succeeded")) {
                continue;
            }
            DurationBuckets.add(histograms.computeIfAbsent(row.workflowId(), id -> new long[DurationBuckets.COUNT]),
                    row.durationBuckets());
            counts.merge(row.workflowId(), row.runs(), Long::sum);
        }
        Map<UUID, Baseline> baselines = new HashMap<>();
        histograms.forEach((workflow, histogram) -> baselines.put(workflow,
                new Baseline(counts.get(workflow), histogram)));
        return baselines;
    }

    /** Every run created in the window that ended or still runs, oldest first, with how long it took so far. */
    private List<WindowRun> windowRuns(Window window) {
        List<WindowRun> runs = new ArrayList<>();
        for (Record row : db.fetch("""
                select r.id, r.workflow_id, r.status,
                       (extract(epoch from coalesce(r.finished_at, ?::timestamptz) - coalesce(r.started_at, r.created_at)) * 1000)
                           ::bigint as millis
                """ + RUNS_OF_WINDOW + """

                  and r.status in ('succeeded', 'failed', 'dead_lettered', 'running')
                order by r.created_at""", at(window.to()), at(window.from()), at(window.to()))) {
            runs.add(new WindowRun(row.get("id", UUID.class), row.get("workflow_id", UUID.class),
                    row.get("status", String.class), row.get("millis", Long.class)));
        }
        return runs;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
