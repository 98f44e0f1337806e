package dev.junction.backend.workflows;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.connections.ConnectionService;
import dev.junction.engine.definition.Node;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.engine.runs.ClaimedTask;
import dev.junction.engine.runs.RunState;
import dev.junction.engine.runs.StepInterpreter;
import dev.junction.engine.runs.StepResult;
import dev.junction.engine.runs.TaskKind;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * "Run this step": one node of a workflow as the designer has it now, run alone by the same interpreter the workers
 * use, on what flows into it in the designer's sample data — the run given (the one shown on the canvas, else the
 * workflow's latest), with the pinned samples (the trigger's and each node's {@code out} port) taking the place of
 * what that run had. A node that calls a connection runs only on a sandbox connection. Nothing goes into the run
 * history (no run, no step record); each trial is audited.
 */
@Service
public class StepTrials {

    private static final String MAY_TRY = "hasAnyRole('ADMIN', 'DESIGNER')";
    /** The lease owner a trial's task names (no worker holds it: it is never stored). */
    static final String OWNER = "step-trial";

    /**
     * What the step came to: {@code succeeded} (its output and the ports it took), {@code failed} (its error),
     * or {@code waiting} (it would wait: a delay, a wait-until whose condition is not met yet, a subflow);
     * {@code input} is what the step saw, {@code dataSource} where its upstream data came from ({@code run},
     * {@code pinned}, {@code run+pinned} or {@code none}).
     */
    public record StepTrial(String status, Object input, Object output, List<String> ports, String message,
                            String dataSource) {
    }

    private final StepInterpreter interpreter;
    private final SampleScopes scopes;
    private final WorkflowSampleService samples;
    private final ConnectionService connections;
    private final AuditTrail audit;
    /** The audit entry's own transaction: none is held while the step calls out. */
    private final TransactionTemplate transaction;

    StepTrials(StepInterpreter interpreter, SampleScopes scopes, WorkflowSampleService samples,
               ConnectionService connections, AuditTrail audit, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.interpreter = interpreter;
        this.scopes = scopes;
        this.samples = samples;
        this.connections = connections;
        this.audit = audit;
    }

    @PreAuthorize(MAY_TRY)
    public StepTrial run(UUID workflowId, WorkflowDefinition definition, String nodeId, UUID runId) {
        Node node = definition.node(nodeId).orElseThrow(() -> new InvalidInputException("nodeId",
                "must be a step of the workflow; '" + nodeId + "' is not one"));
        requireSandbox(node);
        SampleScopes.SampleScope sample = scopes.of(workflowId, runId);
        Object trigger = sample.scope().trigger();
        Map<String, Object> outputs = new LinkedHashMap<>(sample.scope().nodes());
        boolean pinnedUsed = false;
        for (Map.Entry<String, Map<String, Object>> pinned : samples.samples(workflowId).entrySet()) {
            if (!pinned.getValue().containsKey("out") || pinned.getKey().equals(nodeId)) {
                continue;
            }
            pinnedUsed = true;
            if ("trigger".equals(pinned.getKey())) {
                trigger = pinned.getValue().get("out");
            } else {
                outputs.put(pinned.getKey(), pinned.getValue().get("out"));
            }
        }
        String source = !pinnedUsed ? sample.source() : "run".equals(sample.source()) ? "run+pinned" : "pinned";
        RunState state = new RunState(UUID.randomUUID(), null, trigger, outputs, Map.of(), true, null);
        ClaimedTask task = new ClaimedTask(0, state.runId(), workflowId, 0, nodeId, null, null, 1, TaskKind.EXECUTE,
                null, OWNER, false);
        StepResult result = interpreter.run(definition, node, task, state);
        StepTrial trial = switch (result) {
            case StepResult.Done done -> new StepTrial("succeeded", done.input(), done.output(),
                    List.copyOf(done.ports()), null, source);
            case StepResult.Failed failed -> new StepTrial("failed", failed.input(), null, List.of(),
                    failed.error().message(), source);
            case StepResult.RateLimited limited -> new StepTrial("failed", limited.input(), null, List.of(),
                    limited.error().message(), source);
            case StepResult.Sleep sleep -> new StepTrial("waiting", sleep.input(), sleep.resumeValue(), List.of(),
                    "The step would wait until " + sleep.until() + "; run to here to see it go on", source);
            case StepResult.StartChild child -> new StepTrial("waiting", child.input(), null, List.of(),
                    "The step would start a run of another workflow; run to here to see it", source);
            case StepResult.Items items -> new StepTrial("succeeded", items.input(), Map.of("items", items.items()),
                    List.of(), "The items each go through the loop's body in a run", source);
        };
        transaction.executeWithoutResult(status -> audit.record("workflow.step-tried", "workflow",
                workflowId.toString(), Map.of("nodeId", nodeId, "status", trial.status(), "data", source)));
        return trial;
    }

    /** A node that names a connection runs alone only on a sandbox one: a trial must not reach production. */
    private void requireSandbox(Node node) {
        if (!(node.config().get("connection") instanceof String id) || id.isBlank()) {
            return;
        }
        String environment;
        try {
            environment = connections.get(id).environment();
        } catch (NotFoundException e) {
            throw new InvalidInputException("config.connection", "must name a connection; '" + id + "' is not one");
        }
        if (!"sandbox".equals(environment)) {
            throw new InvalidInputException("config.connection", "must be a sandbox connection to run this step"
                    + " alone; '" + id + "' is a " + environment + " connection (run to here runs it in a test run)");
        }
    }
}
