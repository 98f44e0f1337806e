package dev.junction.engine.runs;

import dev.junction.engine.connectors.ConnectorInvoker;
import dev.junction.engine.definition.Node;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.engine.expressions.ExpressionException;
import dev.junction.engine.expressions.ExpressionRuntime;
import dev.junction.engine.expressions.ExpressionSession;
import dev.junction.engine.nodes.NodeKind;
import dev.junction.engine.nodes.NodeKinds;
import dev.junction.engine.nodes.StepContext;
import dev.junction.engine.nodes.StepServices;

import java.time.Clock;
import java.util.Optional;

/**
 * Runs one node of a run: opens the step's expression session and scope and hands them to the node's
 * {@link NodeKind}, which evaluates its config, calls what it calls, and answers what it came to. It decides
 * nothing about retries, error policies or what runs next (see {@link TransitionPlanner}) and writes nothing (see
 * {@link RunStore}). An expression that fails fails the step, named by how it failed.
 */
public final class StepInterpreter {

    private final ExpressionRuntime expressions;
    private final StepServices services;

    public StepInterpreter(ExpressionRuntime expressions, ConnectorInvoker connectors, RunStore store,
                           WorkflowSource workflows, LookupTables lookups, Mappings mappings, Notifier notifier,
                           Clock clock) {
        this.expressions = expressions;
        this.services = new StepServices(connectors, store, workflows, lookups, mappings, notifier, clock);
    }

    public StepResult run(WorkflowDefinition definition, Node node, ClaimedTask task, RunState state) {
        Optional<NodeKind> kind = NodeKinds.of(node);
        if (kind.isEmpty()) {
            return StepResult.failed(null, "UnknownNodeType", "node type '" + node.type() + "' is not known");
        }
        try (ExpressionSession session = expressions.openSession()) {
            ExpressionSession.Scope scope = new ExpressionSession.Scope(state.trigger(), state.outputs(),
                    state.vars());
            return kind.get().run(new StepContext(definition, node, task, session, scope, services));
        } catch (ExpressionException e) {
            return StepResult.failed(null, switch (e.kind()) {
                case SYNTAX -> "ExpressionSyntax";
                case RUNTIME -> "ExpressionError";
                case LIMIT -> "ExpressionLimit";
                case MEMORY -> "ExpressionMemory";
                case OUTPUT -> "ExpressionOutput";
            }, e.getMessage());
        }
    }
}
