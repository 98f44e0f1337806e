package dev.junction.backend.alerts.conditions;

import dev.junction.backend.alerts.AlertCondition;
import dev.junction.backend.alerts.AlertFinding;
import dev.junction.backend.alerts.AlertScope;
import dev.junction.backend.alerts.ScopedWorkflows;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * "Failure rate over X %": per workflow in scope, of the runs created in the last {@code windowMinutes} that have
 * ended, more than {@code thresholdPercent} % failed or were dead-lettered — counted only once at least
 * {@code minRuns} runs ended (two runs, one failed, is no 50 % trend). One finding per workflow; it clears when the
 * rate falls back. Reads the runs of the window through the index on their creation time (a window holds few of the
 * runs, however many there are in all).
 */
@Component
public class FailureRateCondition implements AlertCondition {

    private final DSLContext db;
    private final ScopedWorkflows scopes;

    FailureRateCondition(DSLContext db, ScopedWorkflows scopes) {
        this.db = db;
        this.scopes = scopes;
    }

    @Override
    public String kind() {
        return "failure_rate";
    }

    @Override
    public String title() {
        return "Failure rate over a threshold";
    }

    @Override
    public Map<String, Object> parametersSchema() {
        return ObjectSchema.requiring("thresholdPercent")
                .property("thresholdPercent", Parameters.numberField("Threshold (%)",
                        "Fires when more than this share of the window's ended runs failed", 0, 100, 10))
                .property("windowMinutes", Parameters.integerField("Window (minutes)",
                        "The runs created within this many minutes", 1, 10_080, 60))
                .property("minRuns", Parameters.integerField("Minimum runs",
                        "Fewer ended runs than this in the window say nothing", 1, 1_000_000, 10))
                .build();
    }

    @Override
    public List<AlertFinding> evaluate(AlertScope scope, Map<String, Object> parameters, Instant now) {
        double threshold = Parameters.number(parameters, "thresholdPercent", 10);
        long window = Parameters.integer(parameters, "windowMinutes", 60);
        long minRuns = Parameters.integer(parameters, "minRuns", 10);
        Instant from = now.minus(Duration.ofMinutes(window));
        ScopeClause clause = ScopeClause.of("r.workflow_id", scopes.of(scope));
        List<AlertFinding> findings = new ArrayList<>();
        for (Record row : db.fetch("""
                select r.workflow_id, w.name, count(*) as ended,
                       count(*) filter (where r.status in ('failed', 'dead_lettered')) as failed
                from runs r join workflows w on w.id = r.workflow_id
                where r.created_at >= ?::timestamptz and r.created_at < ?::timestamptz and r.trigger_kind <> 'test'
                  and r.status in ('succeeded', 'failed', 'dead_lettered')""" + clause.sql() + """
                 group by r.workflow_id, w.name""",
                clause.after(from.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC)))) {
            long ended = row.get("ended", Long.class);
            long failed = row.get("failed", Long.class);
            double rate = 100.0 * failed / ended;
            if (ended < minRuns || rate <= threshold) {
                continue;
            }
            UUID workflowId = row.get("workflow_id", UUID.class);
            String name = row.get("name", String.class);
            String shown = String.format(Locale.ROOT, "%.1f %%", rate);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("workflowId", workflowId.toString());
            details.put("workflowName", name);
            details.put("failureRate", Math.round(rate * 10) / 10.0);
            details.put("failed", failed);
            details.put("ended", ended);
            details.put("windowMinutes", window);
            findings.add(new AlertFinding("failure_rate:" + workflowId,
                    "Workflow \"" + name + "\": " + shown + " of " + ended + " runs failed in the last " + window
                            + " minutes (threshold " + threshold + " %)",
                    "runs?workflow=" + workflowId + "&status=dead_lettered,failed&from=" + from, details));
        }
        return findings;
    }
}
