package dev.junction.engine.expressions;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One step's evaluations, in a context of its own (not thread-safe: one thread at a time). The statement limit
 * counts per evaluation; a watchdog interrupts an evaluation that runs past the time limit.
 */
public final class ExpressionSession implements AutoCloseable {

    private final ExpressionRuntime runtime;
    private Context context;
    private final Supplier<Context> contexts;
    private final ScheduledExecutorService watchdog;
    private final Duration timeLimit;

    ExpressionSession(ExpressionRuntime runtime, Supplier<Context> contexts, ScheduledExecutorService watchdog,
                      Duration timeLimit) {
        this.runtime = runtime;
        this.contexts = contexts;
        this.watchdog = watchdog;
        this.timeLimit = timeLimit;
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

    void parse(Source source) {
        try {
            context().parse(source);
        } catch (PolyglotException e) {
            throw ExpressionRuntime.failure(e);
        }
    }

    private Object call(Source source, Scope scope) {
        Context context = context();
        context.resetLimits();
        ScheduledFuture<?> alarm = watchdog.schedule(this::interrupt, timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            Value function = context.eval(source);
            Value result = function.execute(ReadOnlyValues.wrap(scope.trigger()), ReadOnlyValues.wrap(scope.nodes()),
                    ReadOnlyValues.wrap(scope.vars()));
            return JavaValues.copy(result);
        } catch (PolyglotException e) {
            throw ExpressionRuntime.failure(e);
        } finally {
            alarm.cancel(false);
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

    /** What an expression sees: the trigger's payload, earlier nodes' outputs by id, and the run's variables. */
    public record Scope(Object trigger, Map<String, ?> nodes, Map<String, ?> vars) {

        public Scope {
            nodes = nodes == null ? Map.of() : nodes;
            vars = vars == null ? Map.of() : vars;
        }
    }
}
