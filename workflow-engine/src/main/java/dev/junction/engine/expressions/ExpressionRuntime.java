package dev.junction.engine.expressions;

import dev.junction.engine.definition.ExpressionSyntax;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;

import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs users' JavaScript (conditions, computed inputs, script nodes) in GraalJS under the CONSTRAINED sandbox: no
 * host classes, no I/O, no threads, output discarded. One shared {@link Engine} (compiled code is shared between
 * contexts); each expression is turned once into a cached {@link Source} of a function. Evaluations happen in an
 * {@link ExpressionSession} — a context of its own, so that nothing one step defines is seen by another.
 *
 * <p>Expressions see {@code trigger} (the trigger's payload), {@code nodes} (each earlier node's output by node id)
 * and {@code vars} (the run's variables), read-only. A statement limit and a CPU-time watchdog end runaway code
 * (e.g. {@code while(true){}}) with {@link ExpressionException.Kind#LIMIT}; the same watchdog ends code that
 * allocates more than the allocation limit in one evaluation (e.g. an array grown without end) with
 * {@link ExpressionException.Kind#MEMORY}. GraalJS community edition has no heap limit of its own
 * ({@code sandbox.MaxHeapMemory} is enterprise-only), so the watchdog reads the bytes the evaluating thread has
 * allocated ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}) every
 * {@link ExpressionSession#POLL_INTERVAL}: the interpreter and JIT-compiled guest code allocate on that thread (the
 * compiler's own threads do not count). It bounds allocation, not live heap: garbage made and dropped counts too.
 */
public final class ExpressionRuntime implements ExpressionSyntax, AutoCloseable {

    public static final long DEFAULT_STATEMENT_LIMIT = 5_000_000;
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(2);
    /** Bytes one evaluation may allocate (cumulative, garbage included) before it is stopped: 64 MB. */
    public static final long DEFAULT_ALLOCATION_LIMIT = 64L * 1024 * 1024;
    /**
     * What a script sees. An expression sees {@code output} too (a wait-until condition's call output): a script
     * does not, so that a script's own {@code const output = …} stays legal.
     */
    static final String PARAMETERS = "trigger, nodes, vars";
    static final String EXPRESSION_PARAMETERS = PARAMETERS + ", output";
    private static final String EXPRESSION_START = "(function(" + EXPRESSION_PARAMETERS + ") {\n\"use strict\";\nreturn (";
    private static final String EXPRESSION_END = "\n);\n})";
    private static final String SCRIPT_START = "(function(" + PARAMETERS + ") {\n\"use strict\";\n";
    private static final String SCRIPT_END = "\n})";
    /** Distinct expressions kept compiled; past this the cache starts afresh (workflows hold far fewer). */
    static final int MAX_CACHED_SOURCES = 10_000;
    /** Parsing contexts kept between syntax checks (as many as checks may run at once, about the cores). */
    private static final int MAX_PARSERS = 4;

    private final Engine engine;
    private final long statementLimit;
    private final Duration timeLimit;
    private final long allocationLimit;
    private final Map<String, Source> expressions = new ConcurrentHashMap<>();
    private final Map<String, Source> scripts = new ConcurrentHashMap<>();
    private final Map<String, Optional<PathExpression>> paths = new ConcurrentHashMap<>();
    /**
     * What each syntax check answered, by its source (the wrapped text): parsing depends on the text alone, so an
     * answer never goes stale. The designer checks a whole workflow after every edit; each script is parsed once.
     */
    private final Map<Source, Optional<String>> syntaxErrors = new ConcurrentHashMap<>();
    /**
     * Contexts that only parse, kept for the next check: nothing runs in them, so a parse leaves nothing another
     * could see, and a new context per check (milliseconds each) is saved. One thread uses one at a time.
     */
    private final Queue<Context> parsers = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "expression-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    public ExpressionRuntime() {
        this(DEFAULT_STATEMENT_LIMIT, DEFAULT_TIME_LIMIT);
    }

    public ExpressionRuntime(long statementLimit, Duration timeLimit) {
        this(statementLimit, timeLimit, DEFAULT_ALLOCATION_LIMIT);
    }

    /**
     * @param allocationLimit bytes one evaluation may allocate; at least 1 MB (a context alone allocates a few
     *                        hundred KB)
     */
    public ExpressionRuntime(long statementLimit, Duration timeLimit, long allocationLimit) {
        if (allocationLimit < 1024 * 1024) {
            throw new IllegalArgumentException("the allocation limit of a script must be at least 1 MB, was "
                    + allocationLimit + " bytes");
        }
        this.statementLimit = statementLimit;
        this.timeLimit = timeLimit;
        this.allocationLimit = allocationLimit;
        this.engine = Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
    }

    /** Which Truffle runtime runs the code: an optimizing one, or the interpreter-only fallback. */
    public String implementationName() {
        return engine.getImplementationName();
    }

    /** A new, empty context for one step's evaluations. Close it when the step is done. */
    public ExpressionSession openSession() {
        return new ExpressionSession(this, this::newContext, watchdog, timeLimit, allocationLimit);
    }

    private Context newContext() {
        return Context.newBuilder("js")
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .allowHostAccess(HostAccess.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .resourceLimits(ResourceLimits.newBuilder().statementLimit(statementLimit, null).build())
                .build();
    }

    /** The expression as a plain path read, when it is nothing more (see {@link PathExpression}). */
    Optional<PathExpression> pathOf(String expression) {
        if (paths.size() >= MAX_CACHED_SOURCES) {
            paths.clear();
        }
        return paths.computeIfAbsent(expression, PathExpression::parse);
    }

    @Override
    public Optional<String> syntaxErrorOfExpression(String expression) {
        String text = expression.strip();
        boolean templated = text.startsWith("{{") && text.endsWith("}}") && text.length() > 4;
        return syntaxError(expressionSource(expression)).map(error -> templated ? error + " — this field takes the"
                + " expression itself: write " + text.substring(2, text.length() - 2).strip() + " without {{ }}"
                : error);
    }

    @Override
    public Optional<String> syntaxErrorOfScript(String script) {
        return syntaxError(scriptSource(script));
    }

    Source expressionSource(String expression) {
        bound(expressions);
        return expressions.computeIfAbsent(expression, text -> Source.newBuilder("js",
                EXPRESSION_START + text + EXPRESSION_END, "expression.js")
                .cached(true).buildLiteral());
    }

    Source scriptSource(String script) {
        bound(scripts);
        return scripts.computeIfAbsent(script, text -> Source.newBuilder("js",
                SCRIPT_START + text + SCRIPT_END, "script.js")
                .cached(true).buildLiteral());
    }

    private static void bound(Map<?, ?> cache) {
        if (cache.size() >= MAX_CACHED_SOURCES) {
            cache.clear();
        }
    }

    private Optional<String> syntaxError(Source source) {
        Optional<String> known = syntaxErrors.get(source);
        if (known != null) {
            return known;
        }
        Context parser = parsers.poll();
        if (parser == null) {
            parser = newContext();
        }
        Optional<String> error;
        try {
            parser.parse(source);
            error = Optional.empty();
        } catch (PolyglotException e) {
            if (!e.isSyntaxError()) {
                // not an answer about the text (the context was cancelled, the heap ran out): neither kept nor reused
                parser.close(true);
                return Optional.of(failure(e).getMessage());
            }
            error = Optional.of(failure(e).getMessage());
        }
        if (parsers.size() < MAX_PARSERS) {
            parsers.add(parser);
        } else {
            parser.close();
        }
        bound(syntaxErrors);
        syntaxErrors.put(source, error);
        return error;
    }

    /** The bytes one evaluation may allocate. */
    public long allocationLimit() {
        return allocationLimit;
    }

    static ExpressionException ranTooLong() {
        return new ExpressionException(ExpressionException.Kind.LIMIT, "stopped: the code ran too long (an endless"
                + " loop?)");
    }

    static ExpressionException allocatedTooMuch(long limit) {
        return new ExpressionException(ExpressionException.Kind.MEMORY, "stopped: the code allocated more than "
                + megabytes(limit) + " (an array or text grown without end?)");
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    /**
     * Where in the user's own text a syntax error is (0-based), from GraalJS's place in the wrapped source: the
     * expression or script starts after the wrapper's first lines; a place in the wrapper's end is the text's end.
     */
    private static Integer position(PolyglotException e) {
        if (e.getSourceLocation() == null || !e.getSourceLocation().isAvailable()) {
            return null;
        }
        org.graalvm.polyglot.SourceSection where = e.getSourceLocation();
        boolean expression = "expression.js".equals(where.getSource().getName());
        String wrapper = expression ? EXPRESSION_START : SCRIPT_START;
        int end = where.getSource().getCharacters().length() - (expression ? EXPRESSION_END : SCRIPT_END).length();
        int userLength = Math.max(0, end - wrapper.length());
        return Math.clamp(where.getCharIndex() - wrapper.length(), 0, userLength);
    }

    /** Turns a GraalJS failure into a message for the person who wrote the code (lines counted in their text). */
    static ExpressionException failure(PolyglotException e) {
        if (e.isResourceExhausted() && !e.isCancelled()) {
            // not the statement limit (which cancels): the JVM ran out of heap inside the guest ("Java heap
            // space"), e.g. one allocation larger than the free heap
            return new ExpressionException(ExpressionException.Kind.MEMORY, "stopped: the code needed more memory"
                    + " than the application has free");
        }
        if (e.isResourceExhausted() || e.isInterrupted() || e.isCancelled()) {
            return ranTooLong();
        }
        String where = "";
        if (e.getSourceLocation() != null && e.getSourceLocation().isAvailable()) {
            int line = e.getSourceLocation().getStartLine() - 2;
            where = line >= 1 ? " (line " + line + ")" : "";
        }
        if (e.isSyntaxError()) {
            // GraalJS says "SyntaxError: script.js:3:14 Expected …" plus the source line; keep what a person needs
            String message = e.getMessage() == null ? "syntax error" : e.getMessage().lines().findFirst().orElse("")
                    .replaceFirst("^SyntaxError: ", "").replaceFirst("^\\S+\\.js:\\d+:\\d+ ", "");
            return new ExpressionException(ExpressionException.Kind.SYNTAX, "does not parse" + where + ": " + message,
                    position(e));
        }
        return new ExpressionException(ExpressionException.Kind.RUNTIME, "failed" + where + ": " + e.getMessage());
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        for (Context parser = parsers.poll(); parser != null; parser = parsers.poll()) {
            parser.close();
        }
        engine.close();
    }
}
