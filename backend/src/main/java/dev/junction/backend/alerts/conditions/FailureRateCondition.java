package dev.junction.backend.alerts.conditions;

import dev.junction.backend.alerts.AlertFinding;
import dev.junction.backend.alerts.CycleReads;
import dev.junction.backend.alerts.ScopedWorkflows;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * "Failure rate over X %": per workflow in scope, of the runs created in the last {@code windowMinutes} that have
 * ended, more than {@code thresholdPercent} % failed or were dead-lettered — counted only once at least
 * {@code minRuns} runs ended (two runs, one failed, is no 50 % trend). One finding per workflow; it clears when the
 * rate falls back. Reads the runs of the window through the index on their creation time (a window holds few of the
 * runs, however many there are in all), counted per workflow once per cycle and window length for all such rules.
 */
@Component
public class FailureRateCondition extends WindowedRunsCondition {

    FailureRateCondition(DSLContext db, ScopedWorkflows scopes) {
        super("failure_rate", "Failure rate over a threshold",
                new Parameter("thresholdPercent", Parameters.numberField("Threshold (%)",
                        "Fires when more than this share of the window's ended runs failed", 0, 100, 10)),
                "The runs created within this many minutes",
                List.of(new Parameter("minRuns", Parameters.integerField("Minimum runs",
                        "Fewer ended runs than this in the window say nothing", 1, 1_000_000, 10))),
                db, scopes);
    }

    /** One workflow's ended and failed runs in a window. */
    private record Counts(long ended, long failed) {
    }

    private record WindowKey(Window window) {
    }

    @Override
    List<AlertFinding> evaluate(Optional<Map<UUID, String>> inScope, Map<String, Object> parameters, Window window,
                                CycleReads reads) {
        double threshold = Parameters.number(parameters, "thresholdPercent", 10);
        long minRuns = Parameters.integer(parameters, "minRuns", 10);
        Map<UUID, Counts> counts = reads.once(new WindowKey(window), () -> {
            Map<UUID, Counts> read = new LinkedHashMap<>();
            for (Record row : db.fetch("""
                    select r.workflow_id, count(*) as ended,
                           count(*) filter (where r.status in ('failed', 'dead_lettered')) as failed
                    """ + RUNS_OF_WINDOW + """

                      and r.status in ('succeeded', 'failed', 'dead_lettered')
                    group by r.workflow_id""",
                    window.from().atOffset(ZoneOffset.UTC), window.to().atOffset(ZoneOffset.UTC))) {
                read.put(row.get("workflow_id", UUID.class),
                        new Counts(row.get("ended", Long.class), row.get("failed", Long.class)));
            }
            return read;
        });
        List<AlertFinding> findings = new ArrayList<>();
        counts.forEach((workflowId, count) -> {
            long ended = count.ended();
            long failed = count.failed();
            double rate = 100.0 * failed / ended;
            if (!inScope(inScope, workflowId) || ended < minRuns || rate <= threshold) {
                return;
            }
            String name = name(inScope, workflowId, reads);
            String shown = String.format(Locale.ROOT, "%.1f %%", rate);
            Map<String, Object> details = workflowDetails(workflowId, name);
            details.put("failureRate", Math.round(rate * 10) / 10.0);
            details.put("failed", failed);
            details.put("ended", ended);
            details.put("windowMinutes", window.minutes());
            findings.add(new AlertFinding("failure_rate:" + workflowId,
                    "Workflow \"" + name + "\": " + shown + " of " + ended + " runs failed in the last "
                            + window.minutes() + " minutes (threshold " + threshold + " %)",
                    "runs?workflow=" + workflowId + "&status=dead_lettered,failed&from=" + window.from(), details));
        });
        return findings;
    }
}
