package dev.junction.engine.runs;

import dev.junction.engine.definition.Node;
import dev.junction.engine.definition.RunToHere;
import dev.junction.engine.nodes.NodeKind;
import dev.junction.engine.nodes.NodeKinds;
import dev.junction.engine.definition.WorkflowDefinition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * One worker's loop body: claim a due task, run its node, commit what follows. A worker holds one task at a time;
 * a pool runs several workers. A completion refused because the lease was lost (the task was handed to another
 * worker, or the run was cancelled) is dropped: the other worker's result counts.
 */
public final class RunWorker {

    private final RunStore store;
    private final WorkflowSource workflows;
    private final StepInterpreter interpreter;
    private final TransitionPlanner planner;
    private final Clock clock;
    private final String workerId;
    private final Duration lease;
    private final Predicate<RuntimeException> infrastructure;
    /** How many steps in a row this worker has given back for an infrastructure outage (the backoff grows with it). */
    private int infrastructureStreak;
    /** The longest wait before a step given back for an outage runs again. */
    static final Duration MAX_INFRASTRUCTURE_WAIT = Duration.ofSeconds(30);
    private static final System.Logger log = System.getLogger(RunWorker.class.getName());
    /** The most steps one claim runs in a row, so that one long run does not keep a worker from the others. */
    static final int MAX_CHAIN = 50;

    public RunWorker(RunStore store, WorkflowSource workflows, StepInterpreter interpreter, TransitionPlanner planner,
                     Clock clock, String workerId, Duration lease) {
        this(store, workflows, interpreter, planner, clock, workerId, lease, failure -> false);
    }

    /**
     * A worker that also treats the failures {@code infrastructure} recognises (e.g. a database exception the
     * caller's platform knows to mean an outage) as {@link InfrastructureUnavailableException}s.
     */
    public RunWorker(RunStore store, WorkflowSource workflows, StepInterpreter interpreter, TransitionPlanner planner,
                     Clock clock, String workerId, Duration lease, Predicate<RuntimeException> infrastructure) {
        this.infrastructure = Objects.requireNonNull(infrastructure);
        this.store = Objects.requireNonNull(store);
        this.workflows = Objects.requireNonNull(workflows);
        this.interpreter = Objects.requireNonNull(interpreter);
        this.planner = Objects.requireNonNull(planner);
        this.clock = Objects.requireNonNull(clock);
        this.workerId = Objects.requireNonNull(workerId);
        this.lease = Objects.requireNonNull(lease);
    }

    public String workerId() {
        return workerId;
    }

    /**
     * Claims a due task and runs it, then the steps of its run that follow (each claimed in the transaction that
     * completed the one before), up to {@value #MAX_CHAIN} steps; answers what happened (IDLE when no task was due).
     */
    public Outcome runOne() {
        Optional<ClaimedTask> claimed = store.claim(workerId, lease);
        if (claimed.isEmpty()) {
            return Outcome.IDLE;
        }
        return run(claimed.get(), null);
    }

    /**
     * Runs a task this worker was handed already leased (a run just started in this process), then the steps of
     * its run that follow, as {@link #runOne()} does; {@code known} is what the step sees of its run, when the
     * caller knows it (null: read it).
     *
     * <p>Steps are committed in turns ({@link Turn}): while a step is its run's only task and is followed by exactly
     * one task, the worker runs that task at once, without committing, if the turn then still holds at most one step
     * with effects outside the run; the turn's steps are then committed in one transaction. A map followed by a
     * connector call, or a connector call followed by a map, is one commit instead of two.
     */
    public Outcome run(ClaimedTask task, RunState known) {
        Turn turn = new Turn();
        ClaimedTask row = task;
        for (int step = 1; ; step++) {
            RunState state = known != null ? known : store.load(task);
            Ran ran;
            try {
                ran = execute(task, state);
            } catch (RuntimeException e) {
                if (!isInfrastructureOutage(e)) {
                    throw e;
                }
                return postpone(row, task, e);
            }
            turn.add(task, ran.transition(), ran.kind());
            known = RunState.after(state, ran.transition());
            if (known != null && step < MAX_CHAIN) {
                ClaimedTask next = task.followedBy(ran.transition().next().getFirst());
                if (turn.admits(kindOf(ran.definition(), next.nodeId()))) {
                    task = next;
                    continue;
                }
            }
            RunStore.Completion completion = store.complete(turn.steps(), step < MAX_CHAIN ? lease : null);
            if (!completion.accepted()) {
                return Outcome.LEASE_LOST;
            }
            if (completion.next() == null) {
                return Outcome.COMPLETED;
            }
            task = completion.next();
            row = task;
            turn = new Turn();
        }
    }

    /**
     * Gives the task back as it was claimed ({@code row}: the turn's first task, so the whole uncommitted turn runs
     * again; its pure steps give the same outputs), due after a backoff that grows while this worker keeps meeting
     * the outage. No step record, no attempt spent: the outage is not the step's failure. When even that cannot be
     * committed (the store is down too), the exception reaches the worker's loop and the lease's expiry hands the
     * task on.
     */
    private Outcome postpone(ClaimedTask row, ClaimedTask task, RuntimeException e) {
        int streak = ++infrastructureStreak;
        long ceiling = Math.min(MAX_INFRASTRUCTURE_WAIT.toMillis(), 1000L << Math.min(streak - 1, 10));
        Duration wait = Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
        log.log(System.Logger.Level.WARNING, "Step {0} of run {1} could not run: {2}; it runs again in {3} ms"
                + " (no attempt spent)", task.nodeId(), task.runId().toString(), e.getMessage(),
                Long.toString(wait.toMillis()));
        return store.postpone(row, clock.instant().plus(wait)) ? Outcome.POSTPONED : Outcome.LEASE_LOST;
    }

    /** A step that ran: what it changes, its node's kind (null when unknown) and its workflow's version. */
    private record Ran(Transition transition, NodeKind kind, WorkflowDefinition definition) {
    }

    private Ran execute(ClaimedTask task, RunState state) {
        Instant started = clock.instant();
        // a "run to here" test run is interpreted from the part of its version that leads to its stop node
        Optional<WorkflowDefinition> definition = workflows.version(task.workflowId(), task.workflowVersion())
                .map(whole -> state.stopAfterNode() == null ? whole : RunToHere.restrict(whole, state.stopAfterNode()));
        if (definition.isEmpty()) {
            return new Ran(planner.cannotRun(task, "version " + task.workflowVersion() + " of workflow "
                    + task.workflowId() + " no longer exists", started), null, null);
        }
        Optional<Node> node = definition.get().node(task.nodeId());
        if (node.isEmpty()) {
            return new Ran(planner.cannotRun(task, "version " + task.workflowVersion() + " has no node '"
                    + task.nodeId() + "'", started), null, definition.get());
        }
        StepResult result;
        try {
            result = interpreter.run(definition.get(), node.get(), task, state);
            infrastructureStreak = 0;
        } catch (RuntimeException e) {
            if (isInfrastructureOutage(e)) {
                throw e;
            }
            // a fault of ours, not of the user's workflow: the step fails for good, the worker lives on
            result = new StepResult.Failed(null, new StepError("InternalError", e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())), false, null);
        }
        return new Ran(planner.plan(definition.get(), node.get(), task, result, started),
                NodeKinds.of(node.get()).orElse(null), definition.get());
    }

    private boolean isInfrastructureOutage(RuntimeException e) {
        return e instanceof InfrastructureUnavailableException || infrastructure.test(e);
    }

    private static NodeKind kindOf(WorkflowDefinition definition, String nodeId) {
        return definition.node(nodeId).flatMap(NodeKinds::of).orElse(null);
    }

    /** What {@link #runOne()} did. */
    public enum Outcome {
        /** No task was due. */
        IDLE,
        COMPLETED,
        LEASE_LOST,
        /** The step could not run for an infrastructure outage and was given back, due again after a backoff. */
        POSTPONED
    }
}
