package dev.junction.backend.alerts.conditions;

import dev.junction.backend.alerts.AlertCondition;
import dev.junction.backend.alerts.AlertFinding;
import dev.junction.backend.alerts.AlertScope;
import dev.junction.backend.alerts.CycleReads;
import dev.junction.backend.alerts.ScopedWorkflows;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * "Dead-letter queue deeper than N": the runs in scope that are dead-lettered (a replay takes a run out of the queue) number more than
 * {@code threshold}. One finding for the rule's whole scope; it clears when replays (or deletions) bring the depth
 * back to the threshold. The depth of every workflow is counted once per cycle for all such rules.
 */
@Component
public class DlqDepthCondition implements AlertCondition {

    private final DSLContext db;
    private final ScopedWorkflows scopes;

    DlqDepthCondition(DSLContext db, ScopedWorkflows scopes) {
        this.db = db;
        this.scopes = scopes;
    }

    @Override
    public String kind() {
        return "dlq_depth";
    }

    @Override
    public String title() {
        return "Dead-letter queue over a depth";
    }

    @Override
    public Map<String, Object> parametersSchema() {
        return ObjectSchema.requiring("threshold")
                .property("threshold", Parameters.integerField("Depth",
                        "Fires when more dead-lettered runs than this wait for a replay", 0, 10_000_000, 0))
                .build();
    }

    @Override
    public List<AlertFinding> evaluate(AlertScope scope, Map<String, Object> parameters, Instant now) {
        return evaluate(scope, parameters, now, new CycleReads());
    }

    @Override
    public List<AlertFinding> evaluate(AlertScope scope, Map<String, Object> parameters, Instant now,
                                       CycleReads reads) {
        long threshold = Parameters.integer(parameters, "threshold", 0);
        var workflows = scopes.of(scope, reads);
        Map<UUID, Long> depths = reads.once("dlq_depth", this::depthsByWorkflow);
        long depth = 0;
        for (Map.Entry<UUID, Long> entry : depths.entrySet()) {
            if (workflows.isEmpty() || workflows.get().containsKey(entry.getKey())) {
                depth += entry.getValue();
            }
        }
        if (depth <= threshold) {
            return List.of();
        }
        String link = "runs?status=dead_lettered"
                + (scope.workflowId() == null ? "" : "&workflow=" + scope.workflowId());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("depth", depth);
        details.put("threshold", threshold);
        return List.of(new AlertFinding("dlq_depth", depth + " dead-lettered runs wait for a replay (more than "
                + threshold + ")", link, details));
    }

    /** How many runs of each workflow are dead-lettered (from {@code runs_dead_lettered_idx}; once per cycle). */
    private Map<UUID, Long> depthsByWorkflow() {
        Map<UUID, Long> depths = new HashMap<>();
        for (Record row : db.fetch("select workflow_id, count(*) from runs where status = 'dead_lettered'"
                + " group by workflow_id")) {
            depths.put(row.get(0, UUID.class), row.get(1, Long.class));
        }
        return depths;
    }
}
