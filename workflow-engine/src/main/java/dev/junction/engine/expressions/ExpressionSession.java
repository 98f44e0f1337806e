package dev.junction.engine.expressions;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One step's evaluations, in a context of its own (not thread-safe: one thread at a time). The statement limit
 * counts per evaluation; a watchdog interrupts an evaluation that has used more than the time limit of CPU time.
 * CPU time, not wall-clock time: on a loaded machine (seen: load 8 on 2 cores while builds ran) a thread waits for a
 * core long enough for a wall-clock limit to stop harmless expressions, and such a stop is permanent for the step.
 * Wall-clock time still ends an evaluation at {@link #WALL_CLOCK_FACTOR} times the limit, whatever its CPU use.
 * The same watchdog, every {@link #POLL_INTERVAL}, stops an evaluation whose thread has allocated more than the
 * allocation limit since the evaluation began (a bound on allocation, garbage included, not on live heap).
 */
public final class ExpressionSession implements AutoCloseable {

    /** How many times the CPU time limit an evaluation may take in wall-clock time before it is stopped anyway. */
    static final int WALL_CLOCK_FACTOR = 10;
    /**
     * How often the watchdog looks at a running evaluation's allocation (and CPU time). At the ~1 GB/s an allocating
     * loop reaches here, an evaluation overshoots the limit by a few MB at most before it is stopped.
     */
    static final Duration POLL_INTERVAL = Duration.ofMillis(5);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.ThreadMXBean ALLOCATIONS = allocationCounter();

    /** Why the watchdog stopped an evaluation. */
    private enum Stop { TIME, MEMORY }

    private final ExpressionRuntime runtime;
    private Context context;
    private final Supplier<Context> contexts;
    private final ScheduledExecutorService watchdog;
    private final Duration timeLimit;
    private final long allocationLimit;

    ExpressionSession(ExpressionRuntime runtime, Supplier<Context> contexts, ScheduledExecutorService watchdog,
                      Duration timeLimit, long allocationLimit) {
        this.runtime = runtime;
        this.contexts = contexts;
        this.watchdog = watchdog;
        this.timeLimit = timeLimit;
        this.allocationLimit = allocationLimit;
    }

    /** The value of an expression such as {@code nodes.orders.total > 100}, as a plain Java value. */
    public Object evaluate(String expression, Scope scope) {
        Optional<PathExpression> path = runtime.pathOf(expression);
        if (path.isPresent()) {
            return path.get().read(scope);
        }
        return call(runtime.expressionSource(expression), scope);
    }

    /** Runs a script (a function body) and answers what it {@code return}s, as a plain Java value. */
    public Object runScript(String script, Scope scope) {
        return call(runtime.scriptSource(script), scope);
    }

    /** Whether an expression's value is truthy in JavaScript's sense (for branch conditions). */
    public boolean test(String expression, Scope scope) {
        Object value = evaluate(expression, scope);
        return switch (value) {
            case null -> false;
            case Boolean bool -> bool;
            case Long number -> number != 0;
            case Double number -> number != 0 && !number.isNaN();
            case String text -> !text.isEmpty();
            default -> true;
        };
    }

    private Object call(Source source, Scope scope) {
        Context context = context();
        context.resetLimits();
        Alarm alarm = new Alarm(Thread.currentThread());
        alarm.arm(POLL_INTERVAL.toNanos());
        try {
            Value function = context.eval(source);
            Value result = function.execute(ReadOnlyValues.wrap(scope.trigger()), ReadOnlyValues.wrap(scope.nodes()),
                    ReadOnlyValues.wrap(scope.vars()), ReadOnlyValues.wrap(scope.output()));
            return JavaValues.copy(result);
        } catch (PolyglotException e) {
            throw switch (alarm.disarm()) {
                case MEMORY -> ExpressionRuntime.allocatedTooMuch(allocationLimit);
                case TIME -> ExpressionRuntime.ranTooLong();
                case null -> ExpressionRuntime.failure(e);
            };
        } finally {
            alarm.disarm();
        }
    }

    /**
     * Interrupts the evaluation on {@code thread} once it has used the time limit in CPU time (or, where the JVM
     * cannot tell a thread's CPU time, in wall-clock time), or has taken {@link #WALL_CLOCK_FACTOR} times it in
     * wall-clock time, or its thread has allocated more than the allocation limit since it began; remembers which.
     */
    private final class Alarm {
        private final Thread thread;
        private final long cpuStart;
        private final long allocatedStart;
        private final long wallStart = System.nanoTime();
        private ScheduledFuture<?> next;
        private boolean disarmed;
        private Stop stopped;

        Alarm(Thread thread) {
            this.thread = thread;
            this.cpuStart = cpuTime(thread);
            this.allocatedStart = allocatedBytes(thread);
        }

        synchronized void arm(long delayNanos) {
            if (!disarmed) {
                next = watchdog.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
            }
        }

        /** Stops watching; answers why the watchdog stopped the evaluation, or null when it did not. */
        synchronized Stop disarm() {
            disarmed = true;
            if (next != null) {
                next.cancel(false);
            }
            return stopped;
        }

        private void check() {
            synchronized (this) {
                if (disarmed) {
                    return;
                }
            }
            long allocatedNow = allocatedBytes(thread);
            if (allocatedStart >= 0 && allocatedNow >= 0 && allocatedNow - allocatedStart > allocationLimit) {
                stop(Stop.MEMORY);
                return;
            }
            long limit = timeLimit.toNanos();
            long cpuNow = cpuTime(thread);
            long used = cpuStart < 0 || cpuNow < 0 ? System.nanoTime() - wallStart : cpuNow - cpuStart;
            boolean overdue = System.nanoTime() - wallStart >= limit * WALL_CLOCK_FACTOR;
            if (used >= limit || overdue) {
                stop(Stop.TIME);
            } else {
                arm(POLL_INTERVAL.toNanos());
            }
        }

        private void stop(Stop reason) {
            synchronized (this) {
                if (disarmed) {
                    return;
                }
                stopped = reason;
            }
            interrupt();
        }
    }

    private static long allocatedBytes(Thread thread) {
        try {
            return ALLOCATIONS == null ? -1 : ALLOCATIONS.getThreadAllocatedBytes(thread.threadId());
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }

    /** The JVM's per-thread allocation counter, switched on; null where the JVM has none. */
    private static com.sun.management.ThreadMXBean allocationCounter() {
        if (THREADS instanceof com.sun.management.ThreadMXBean counter && counter.isThreadAllocatedMemorySupported()) {
            if (!counter.isThreadAllocatedMemoryEnabled()) {
                counter.setThreadAllocatedMemoryEnabled(true);
            }
            return counter;
        }
        return null;
    }

    private static long cpuTime(Thread thread) {
        try {
            return THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(thread.threadId()) : -1;
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }

    /** The GraalJS context, made on first need: an expression that only reads a path never needs one. */
    private Context context() {
        if (context == null) {
            context = contexts.get();
        }
        return context;
    }

    private void interrupt() {
        Context context = this.context;
        try {
            context.interrupt(Duration.ofSeconds(5));
        } catch (java.util.concurrent.TimeoutException e) {
            // the evaluation did not stop in time; close() cancels it for good
            context.close(true);
        }
    }

    @Override
    public void close() {
        if (context != null) {
            try {
                // nothing runs here any more (evaluations happen on the caller's thread): a plain close is cheap
                context.close();
            } catch (PolyglotException e) {
                // a context stopped by a limit or an interrupt can only be cancelled
                context.close(true);
            }
            context = null;
        }
    }

    /**
     * What an expression sees: the trigger's payload, earlier nodes' outputs by id, the run's variables, and (for a
     * wait-until's condition) the output of the call being checked, {@code output}; null elsewhere.
     */
    public record Scope(Object trigger, Map<String, ?> nodes, Map<String, ?> vars, Object output) {

        public Scope {
            nodes = nodes == null ? Map.of() : nodes;
            vars = vars == null ? Map.of() : vars;
        }

        public Scope(Object trigger, Map<String, ?> nodes, Map<String, ?> vars) {
            this(trigger, nodes, vars, null);
        }

        /** This scope with {@code output} set to a call's output. */
        public Scope withOutput(Object output) {
            return new Scope(trigger, nodes, vars, output);
        }
    }
}
