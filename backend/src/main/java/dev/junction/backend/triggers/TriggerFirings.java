package dev.junction.backend.triggers;

import dev.junction.backend.runs.RunLauncher;
import dev.junction.db.triggers.TriggerStateRepository;
import dev.junction.engine.connectors.ConnectorCall;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.ConnectorInvoker;
import dev.junction.engine.definition.Trigger;
import dev.junction.engine.definition.TriggerKind;
import dev.junction.engine.runs.RunStore;
import dev.junction.engine.runs.WorkflowSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a schedule or polling trigger does when Quartz fires it.
 *
 * <p>Polling calls the trigger's poll operation with the stored cursor ({@code {"cursor": …}}, null on the first
 * poll). The operation answers {@code {"records": [{"key", "data"}], "cursor": next}}: one run per record, with the
 * record's key as business key, and the new cursor stored in the same transaction as the runs.
 */
@Service
public class TriggerFirings {

    private static final Logger log = LoggerFactory.getLogger(TriggerFirings.class);
    /** The most records one poll turns into runs; the connector pages with its cursor. */
    public static final int MAX_RECORDS_PER_POLL = 1_000;

    private final WorkflowSource workflows;
    private final RunLauncher launcher;
    private final ConnectorInvoker connectors;
    private final TriggerStateRepository state;

    TriggerFirings(WorkflowSource workflows, RunLauncher launcher, ConnectorInvoker connectors,
                   TriggerStateRepository state) {
        this.workflows = workflows;
        this.launcher = launcher;
        this.connectors = connectors;
        this.state = state;
    }

    /** A schedule fired: one run, whose input says when. */
    public Optional<UUID> fireSchedule(UUID workflowId, Instant scheduledFor, Instant firedAt) {
        if (publishedTrigger(workflowId).map(Trigger::kind).orElse(null) != TriggerKind.SCHEDULE) {
            return Optional.empty();
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("scheduledFor", scheduledFor == null ? null : scheduledFor.toString());
        input.put("firedAt", firedAt.toString());
        return Optional.of(launcher.start(workflowId, "schedule", input, null));
    }

    /** A polling trigger fired: asks the connector for what is new since the cursor. Answers the runs started. */
    public List<UUID> poll(UUID workflowId) {
        Optional<Trigger> trigger = publishedTrigger(workflowId).filter(t -> t.kind() == TriggerKind.POLLING);
        if (trigger.isEmpty()) {
            return List.of();
        }
        String cursor = state.pollCursor(workflowId).orElse(null);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("cursor", cursor);
        Object answer;
        try {
            answer = connectors.invoke(new ConnectorCall((String) trigger.get().config().get("connection"),
                    (String) trigger.get().config().get("operation"), input,
                    "poll:" + workflowId + ":" + (cursor == null ? "" : cursor), true));
        } catch (ConnectorException e) {
            log.warn("Polling workflow {} failed ({}: {}); the cursor stays, the next poll tries again", workflowId,
                    e.errorClass(), e.getMessage());
            return List.of();
        }
        if (!(answer instanceof Map<?, ?> page) || !(page.get("records") instanceof List<?> records)) {
            log.warn("Polling workflow {}: the poll operation answered no 'records' array; nothing started",
                    workflowId);
            return List.of();
        }
        List<RunLauncher.Payload> payloads = new ArrayList<>();
        for (Object record : records.subList(0, Math.min(records.size(), MAX_RECORDS_PER_POLL))) {
            Map<?, ?> fields = record instanceof Map<?, ?> map ? map : Map.of();
            Object key = fields.get("key");
            payloads.add(new RunLauncher.Payload(key == null ? null : String.valueOf(key),
                    fields.containsKey("data") ? fields.get("data") : record));
        }
        String next = page.get("cursor") == null ? cursor : String.valueOf(page.get("cursor"));
        try {
            return launcher.startAll(workflowId, "polling", payloads,
                    new RunStore.PollCursor(workflowId, cursor, next));
        } catch (RunStore.CursorMovedException e) {
            log.info("Polling workflow {}: {}; this poll's records are left to it", workflowId, e.getMessage());
            return List.of();
        }
    }

    private Optional<Trigger> publishedTrigger(UUID workflowId) {
        return workflows.published(workflowId).map(published -> published.definition().trigger());
    }
}
