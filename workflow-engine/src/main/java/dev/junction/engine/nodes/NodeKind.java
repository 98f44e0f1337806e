package dev.junction.engine.nodes;

import dev.junction.engine.definition.ErrorPolicy;
import dev.junction.engine.definition.Node;
import dev.junction.engine.runs.StepResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One kind of step a workflow graph is made of, described and run in one place: its config (parsed into a record
 * of its own), the config's JSON Schema (what a form is built from), its output ports, whether it has effects
 * outside its run, its validation and its execution. {@link NodeKinds#all()} lists them in palette order.
 *
 * <p>Every node also has the {@link #ERROR_PORT error} port while its {@code onError} is {@code error}; that port
 * is not among a kind's {@link #ports()}, since it comes from the node, not from its kind.
 */
public sealed interface NodeKind permits ConnectorNode, MapNode, BranchNode, ForEachNode, ScriptNode, LookupNode,
        ReconcileSettlementNode,
        DelayNode, SubflowNode, NotifyNode, WaitUntilNode {

    /** The port most kinds leave by when they are done. */
    String OUT = "out";
    /** The port a node leaves by when it failed for good and its {@code onError} is {@code error}. */
    String ERROR = "error";
    Port OUT_PORT = new Port(OUT, "Taken when the step is done; its output is the step's result.");
    Port ERROR_PORT = new Port(ERROR, "Taken when the step failed for good and the node's onError is \"error\";"
            + " its output is {error: {class, message, remoteStatus, remoteBody}}.");

    /** The name in the definition's JSON form (a node's {@code type}), such as {@code forEach}. */
    String type();

    /** What the palette calls it, such as "For each". */
    String title();

    /** One line on what it does. */
    String description();

    /** Its config as a JSON Schema (ordered, titled, with {@code x-expression} and {@code examples}). */
    Map<String, Object> configSchema();

    /** The ports every node of this kind has, each with a one-line description. */
    List<Port> ports();

    /** How further ports come from the config (such as "one port per conditions[].port"); empty when none do. */
    default Optional<String> dynamicPorts() {
        return Optional.empty();
    }

    /** Whether a step of this kind may have effects outside its run (a call, a message, a wait, a child run). */
    boolean sideEffects();

    /**
     * Whether a step's output is remembered under its idempotency key, so that a replayed run answers it instead
     * of calling again (a connector's call).
     */
    default boolean remembersOutput() {
        return false;
    }

    /** The output ports of a node of this kind with this config (the error port aside, see {@link #ports(Node)}). */
    default List<String> ports(Map<String, Object> config) {
        return ports().stream().map(Port::name).toList();
    }

    /** The output ports of this node: those of its config, and {@code error} when its onError is {@code error}. */
    default List<String> ports(Node node) {
        List<String> ports = new ArrayList<>(ports(node.config()));
        if (node.onError() == ErrorPolicy.ERROR_PORT) {
            ports.add(ERROR);
        }
        return List.copyOf(ports);
    }

    /** The port a node leaves by when it goes on past a failure ({@code onError: continue}). */
    default String onwardPort() {
        return OUT;
    }

    /**
     * The config in its current form: a config saved by an older version of the kind, upgraded (the same object
     * when it is current already). Applied when a definition is read.
     */
    default Map<String, Object> upgrade(Map<String, Object> config) {
        return config;
    }

    /** Reports every problem of the config (each with its field's path) to {@code check}. */
    void validate(Map<String, Object> config, NodeCheck check);

    /** The expressions and scripts of the config, each with its JSON path (under {@code configPath}). */
    List<ConfigCode> code(Map<String, Object> config, String configPath);

    /** Runs one step of a node of this kind (its config validated). */
    StepResult run(StepContext step);
}
