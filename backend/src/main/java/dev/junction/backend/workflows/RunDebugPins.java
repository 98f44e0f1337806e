package dev.junction.backend.workflows;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.payloads.PayloadRedaction;
import dev.junction.db.runs.RunDetail;
import dev.junction.db.runs.RunQueries;
import dev.junction.db.runs.ShownPayload;
import dev.junction.db.runs.StepView;
import dev.junction.engine.definition.Node;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * "Debug in editor": a run's data pinned in its workflow's designer — the run's input as the trigger's sample and
 * each step's last output of that run on its node's {@code out} port — so that expressions, "run this step" and test
 * runs work on what really flowed. The designer edits the latest version; the run may have run an older one, which
 * the answer says (a node the latest version no longer has gets no pin).
 * <p>
 * Pins hold the data <em>as the run page shows it</em>: redacted by {@link PayloadRedaction} (card numbers, card
 * security codes, secret-looking fields become {@code [redacted: …]}), so the designer never shows a secret the run
 * page hides. A payload too large to pin (over {@value WorkflowSampleService#SAMPLE_MAX_BYTES} bytes, or only a
 * preview kept in view) is left out and named. Pins of nodes the run did not reach are kept.
 */
@Service
@Transactional
public class RunDebugPins {

    private final RunQueries runs;
    private final WorkflowVersionService versions;
    private final WorkflowSampleService samples;
    private final AuditTrail audit;

    RunDebugPins(RunQueries runs, WorkflowVersionService versions, WorkflowSampleService samples, AuditTrail audit) {
        this.runs = runs;
        this.versions = versions;
        this.samples = samples;
        this.audit = audit;
    }

    /**
     * What pinning did: the workflow, the version the run ran and the latest (the one the designer opens), the nodes
     * pinned ({@code trigger} first), those left out with the reason, and how many values were redacted.
     */
    public record Pinned(UUID workflowId, UUID runId, int runVersion, int latestVersion, List<String> pinned,
                         Map<String, String> skipped, int redactions) {

        /** Whether the designer shows another version than the run ran. */
        public boolean otherVersion() {
            return runVersion != latestVersion;
        }

        /** "Pinned the trigger and 2 steps from the run (version 2). 1 value redacted." and what was left out. */
        public String summary() {
            long steps = pinned.stream().filter(node -> !node.equals("trigger")).count();
            StringBuilder text = new StringBuilder("Pinned ")
                    .append(pinned.contains("trigger") ? "the trigger's payload and " : "")
                    .append(steps).append(steps == 1 ? " step's output" : " steps' outputs")
                    .append(" from the run of version ").append(runVersion).append('.');
            if (otherVersion()) {
                text.append(" The editor shows the latest version, ").append(latestVersion).append('.');
            }
            if (redactions > 0) {
                text.append(' ').append(redactions).append(redactions == 1 ? " value" : " values")
                        .append(" redacted, as on the run page.");
            }
            skipped.forEach((node, why) -> text.append(" Not pinned: ").append(node).append(" (").append(why)
                    .append(")."));
            return text.toString();
        }
    }

    /** Pins run {@code runId}'s data on its workflow (designer or admin role only). */
    @PreAuthorize("hasAnyRole('ADMIN', 'DESIGNER')")
    public Pinned pinRun(UUID runId) {
        RunDetail detail = runs.find(runId).orElseThrow(() -> new NotFoundException("No run with id " + runId));
        UUID workflowId = detail.run().workflowId();
        StoredDefinition latest = versions.latest(workflowId);
        Set<String> nodes = latest.definition().nodes().stream().map(Node::id).collect(Collectors.toSet());
        Map<String, ShownPayload> outputs = new LinkedHashMap<>();
        if (detail.input() != null) {
            outputs.put("trigger", detail.input());
        }
        for (StepView step : detail.steps()) {
            if (step.itemIndex() == null && step.output() != null) {
                outputs.remove(step.nodeId());
                outputs.put(step.nodeId(), step.output());
            }
        }
        List<String> pinned = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        int redactions = 0;
        for (Map.Entry<String, ShownPayload> output : outputs.entrySet()) {
            String node = output.getKey();
            if (!node.equals("trigger") && !nodes.contains(node)) {
                skipped.put(node, "not in version " + latest.version().version());
                continue;
            }
            if (output.getValue().truncated()) {
                skipped.put(node, tooLarge(output.getValue().sizeBytes()));
                continue;
            }
            PayloadRedaction.Redacted redacted = PayloadRedaction.redact(output.getValue().value());
            try {
                samples.pin(workflowId, node, "out", redacted.value());
            } catch (InvalidInputException e) {
                skipped.put(node, tooLarge(output.getValue().sizeBytes()));
                continue;
            }
            pinned.add(node);
            redactions += redacted.redactions().size();
        }
        audit.record("workflow.run_pinned", WorkflowService.ENTITY, workflowId.toString(),
                Map.of("run", runId.toString(), "nodes", pinned, "skipped", List.copyOf(skipped.keySet())));
        return new Pinned(workflowId, runId, detail.run().workflowVersion(), latest.version().version(),
                List.copyOf(pinned), java.util.Collections.unmodifiableMap(skipped), redactions);
    }

    private static String tooLarge(int bytes) {
        return bytes + " bytes; a pin holds at most " + WorkflowSampleService.SAMPLE_MAX_BYTES / 1024 + " KiB";
    }
}
