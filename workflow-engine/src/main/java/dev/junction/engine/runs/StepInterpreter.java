package dev.junction.engine.runs;

import dev.junction.engine.mapping.MappingDefinitionException;
import dev.junction.engine.mapping.MappingProblem;
import dev.junction.engine.mapping.MappingResult;
import dev.junction.engine.connectors.ConnectorCall;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.ConnectorInvoker;
import dev.junction.engine.definition.Node;
import dev.junction.engine.definition.NodeType;
import dev.junction.engine.definition.Trigger;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.engine.expressions.ExpressionException;
import dev.junction.engine.expressions.ExpressionRuntime;
import dev.junction.engine.expressions.ExpressionSession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one node of a run: evaluates its expressions in a context of the step's own, calls what it calls, and
 * answers what it came to. It decides nothing about retries, error policies or what runs next (see
 * {@link TransitionPlanner}) and writes nothing (see {@link RunStore}).
 *
 * <p>Computed inputs: in a connector's {@code input} and a notify node's {@code message} (and an e-mail's
 * {@code to} and {@code subject}), a string that is exactly {@code {{ expression }}} takes the expression's value
 * (of any type); {@code {{ … }}} inside longer text is replaced by the value as text. A connector's whole
 * {@code input} may be one such expression (see {@link WholeInput}).
 */
public final class StepInterpreter {

    private static final Pattern WHOLE_TEMPLATE = Pattern.compile("^\\s*\\{\\{(.+?)}}\\s*$", Pattern.DOTALL);
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.+?)}}", Pattern.DOTALL);

    private final ExpressionRuntime expressions;
    private final ConnectorInvoker connectors;
    private final RunStore store;
    private final WorkflowSource workflows;
    private final LookupTables lookups;
    private final Mappings mappings;
    private final Notifier notifier;
    private final Clock clock;

    public StepInterpreter(ExpressionRuntime expressions, ConnectorInvoker connectors, RunStore store,
                           WorkflowSource workflows, LookupTables lookups, Mappings mappings, Notifier notifier,
                           Clock clock) {
        this.expressions = expressions;
        this.connectors = connectors;
        this.store = store;
        this.workflows = workflows;
        this.lookups = lookups;
        this.mappings = mappings;
        this.notifier = notifier;
        this.clock = clock;
    }

    public StepResult run(WorkflowDefinition definition, Node node, ClaimedTask task, RunState state) {
        NodeType type = NodeType.fromJson(node.type()).orElse(null);
        if (type == null) {
            return failed(null, "UnknownNodeType", "node type '" + node.type() + "' is not known");
        }
        try (ExpressionSession session = expressions.openSession()) {
            Step step = new Step(session, new ExpressionSession.Scope(state.trigger(), state.outputs(), state.vars()),
                    node.config(), task);
            return switch (type) {
                case CONNECTOR -> step.connector();
                case MAP -> step.map();
                case BRANCH -> step.branch();
                case FOR_EACH -> step.forEach(definition);
                case SCRIPT -> new StepResult.Done(null,
                        session.runScript((String) node.config().get("code"), step.scope), Set.of("out"));
                case LOOKUP -> step.lookup();
                case DELAY -> step.delay();
                case SUBFLOW -> step.subflow(definition);
                case NOTIFY -> step.notifyOn();
                case WAIT_UNTIL -> new WaitUntilStep(connectors, clock).run(definition, node, task, session,
                        step.scope, step::resolve);
            };
        } catch (ExpressionException e) {
            return failed(null, switch (e.kind()) {
                case SYNTAX -> "ExpressionSyntax";
                case RUNTIME -> "ExpressionError";
                case LIMIT -> "ExpressionLimit";
                case MEMORY -> "ExpressionMemory";
                case OUTPUT -> "ExpressionOutput";
            }, e.getMessage());
        }
    }

    private static StepResult.Failed failed(Object input, String errorClass, String message) {
        return new StepResult.Failed(input, new StepError(errorClass, message), false, null);
    }

    static StepResult failed(Object input, ConnectorException e) {
        StepError error = new StepError(e.errorClass(), e.getMessage() == null ? e.errorClass() : e.getMessage(),
                e.remoteStatus(), e.remoteBody());
        if (e.waitReason().isPresent()) {
            return new StepResult.RateLimited(input, error, e.retryAfter().orElseThrow(),
                    e.waitReason().get() == ConnectorException.WaitReason.OWN_RATE_LIMIT);
        }
        return new StepResult.Failed(input, error, e.retryable(), e.retryAfter().orElse(null));
    }

    /** One node's evaluation. */
    private final class Step {

        private final ExpressionSession session;
        private final ExpressionSession.Scope scope;
        private final Map<String, Object> config;
        private final ClaimedTask task;

        Step(ExpressionSession session, ExpressionSession.Scope scope, Map<String, Object> config, ClaimedTask task) {
            this.session = session;
            this.scope = scope;
            this.config = config;
            this.task = task;
        }

        StepResult connector() {
            Object input = resolve(config.getOrDefault("input", Map.of()));
            if (WholeInput.isWhole(config.get("input"))) {
                Optional<StepResult.Failed> refused = WholeInput.refusal(config.get("input"), input, connectors,
                        (String) config.get("connection"), (String) config.get("operation"));
                if (refused.isPresent()) {
                    return refused.get();
                }
            }
            String key = task.idempotencyKey();
            // a step's output is remembered under its key in the transaction that ends the step (and its task):
            // a task claimed again can meet a remembered output only when its run was replayed
            Optional<RunStore.IdempotentOutput> done = task.runReplayed() ? store.idempotentOutput(key)
                    : Optional.empty();
            if (done.isPresent()) {
                return new StepResult.Done(input, done.get().output(), Set.of("out"));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) input;
            try {
                Object output = connectors.invoke(new ConnectorCall((String) config.get("connection"),
                        (String) config.get("operation"), fields, key, task.possibleRepeat()));
                return new StepResult.Done(input, output, Set.of("out"));
            } catch (ConnectorException e) {
                return failed(input, e);
            }
        }

        StepResult map() {
            Object mapping = config.get("mapping");
            if (mapping != null) {
                Object source = config.get("source") instanceof String expression
                        ? session.evaluate(expression, scope) : scope.trigger();
                MappingResult result;
                try {
                    if (mapping instanceof String mappingId) {
                        Optional<MappingResult> stored = mappings.apply(mappingId, source);
                        if (stored.isEmpty()) {
                            return failed(null, "UnknownMapping", "there is no published mapping '" + mappingId + "'");
                        }
                        result = stored.get();
                    } else {
                        @SuppressWarnings("unchecked")
                        Map<String, ?> inline = (Map<String, ?>) mapping;
                        result = mappings.applyInline(inline, source);
                    }
                } catch (MappingDefinitionException e) {
                    return failed(null, "InvalidMapping", e.getMessage());
                }
                if (result.hasErrors()) {
                    List<MappingProblem> errors = result.problems().stream().filter(MappingProblem::isError).toList();
                    StringBuilder message = new StringBuilder("the mapping's output has " + errors.size() + " error"
                            + (errors.size() == 1 ? "" : "s") + ": ");
                    for (int i = 0; i < Math.min(10, errors.size()); i++) {
                        MappingProblem problem = errors.get(i);
                        message.append(i == 0 ? "" : "; ").append(problem.path()).append(": ").append(problem.message());
                    }
                    return failed(null, "MappingError", message + (errors.size() > 10 ? "; …" : ""));
                }
                return new StepResult.Done(null, result.output(), Set.of("out"));
            }
            Map<String, Object> output = new LinkedHashMap<>();
            List<?> rules = (List<?>) config.get("rules");
            for (int i = 0; i < rules.size(); i++) {
                if (!(rules.get(i) instanceof Map<?, ?> rule) || !(rule.get("target") instanceof String target)
                        || target.isBlank()) {
                    return failed(null, "InvalidMappingRule", "rules[" + i + "] must be an object with a 'target'"
                            + " path and an 'expression' or a 'value'");
                }
                Object value = rule.get("expression") instanceof String expression
                        ? session.evaluate(expression, scope) : rule.get("value");
                put(output, target, value);
            }
            return new StepResult.Done(null, output, Set.of("out"));
        }

        StepResult branch() {
            for (Object item : (List<?>) config.get("conditions")) {
                Map<?, ?> condition = (Map<?, ?>) item;
                if (session.test((String) condition.get("expression"), scope)) {
                    return new StepResult.Done(null, Map.of("port", condition.get("port")),
                            Set.of((String) condition.get("port")));
                }
            }
            return new StepResult.Done(null, Map.of("port", "else"), Set.of("else"));
        }

        StepResult forEach(WorkflowDefinition definition) {
            if (task.forEachId() != null) {
                return failed(null, "NestedForEach", "a forEach inside the body of forEach '" + task.forEachId()
                        + "' is not supported: move the inner loop into a subflow");
            }
            Object items = session.evaluate((String) config.get("items"), scope);
            if (!(items instanceof List<?> list)) {
                return failed(null, "ItemsNotAnArray", "items must be an array, was "
                        + (items == null ? "null" : describe(items)));
            }
            int concurrency = config.get("concurrency") instanceof Number number ? number.intValue() : 1;
            return new StepResult.Items(null, List.copyOf(list.stream().map(item -> (Object) item).toList()),
                    concurrency);
        }

        StepResult lookup() {
            String table = (String) config.get("table");
            Object key = session.evaluate((String) config.get("key"), scope);
            String text = key instanceof Double number && number == Math.rint(number) ? Long.toString(number.longValue())
                    : String.valueOf(key);
            Map<String, Object> input = Map.of("table", table, "key", text);
            Optional<Object> found = lookups.find(table, text);
            if (found.isPresent()) {
                return new StepResult.Done(input, found.get(), Set.of("out"));
            }
            // a missing key follows the table's policy, as it does in mappings
            return switch (lookups.missingKeyPolicy(table)) {
                case NULL -> new StepResult.Done(input, null, Set.of("out"));
                case PASS_THROUGH -> new StepResult.Done(input, text, Set.of("out"));
                case ERROR -> failed(input, "LookupMissing", "lookup table '" + table + "' has no key '" + text
                        + "'");
            };
        }

        StepResult delay() {
            if (task.kind() == TaskKind.RESUME) {
                return new StepResult.Done(null, Map.of("resumedAt", clock.instant().toString()), Set.of("out"));
            }
            Instant until;
            if (config.get("duration") instanceof String duration) {
                until = clock.instant().plus(Duration.parse(duration));
            } else {
                Object value = session.evaluate((String) config.get("until"), scope);
                until = instant(value);
                if (until == null) {
                    return failed(null, "InvalidTime", "until must give a time: an ISO 8601 instant such as"
                            + " 2026-11-23T10:15:30Z or epoch milliseconds, was " + describe(value));
                }
            }
            Map<String, Object> input = Map.of("until", until.toString());
            if (!until.isAfter(clock.instant())) {
                return new StepResult.Done(input, Map.of("resumedAt", clock.instant().toString()), Set.of("out"));
            }
            return new StepResult.Sleep(input, until);
        }

        StepResult subflow(WorkflowDefinition definition) {
            if (task.kind() == TaskKind.RESUME) {
                Map<?, ?> outcome = task.resumeValue() instanceof Map<?, ?> map ? map : Map.of();
                if (RunStatus.SUCCEEDED.jsonName().equals(outcome.get("status"))) {
                    return new StepResult.Done(null, outcome.get("output"), Set.of("out"));
                }
                return failed(null, "SubflowFailed", "the subflow's run " + outcome.get("runId") + " ended "
                        + outcome.get("status") + (outcome.get("error") == null ? "" : ": " + outcome.get("error")));
            }
            UUID workflowId = UUID.fromString((String) config.get("workflow"));
            Optional<WorkflowSource.Published> published = workflows.published(workflowId);
            if (published.isEmpty()) {
                return failed(null, "SubflowNotPublished", "workflow " + workflowId + " has no published version");
            }
            Object input = config.get("input") instanceof String expression ? session.evaluate(expression, scope)
                    : scope.trigger();
            return new StepResult.StartChild(input, workflowId, published.get().version(),
                    firstNodes(published.get().definition()));
        }

        StepResult notifyOn() {
            String channel = (String) config.get("channel");
            String message = String.valueOf(resolve(config.get("message")));
            Map<String, Object> input = new LinkedHashMap<>(Map.of("channel", channel, "message", message));
            Map<String, Object> sendConfig = new LinkedHashMap<>(config);
            for (String computed : List.of("to", "subject")) {
                if (config.get(computed) instanceof String text) {
                    String value = String.valueOf(resolve(text));
                    sendConfig.put(computed, value);
                    input.put(computed, value);
                }
            }
            try {
                return new StepResult.Done(input, notifier.send(channel, message, sendConfig, task.idempotencyKey()),
                        Set.of("out"));
            } catch (ConnectorException e) {
                return failed(input, e);
            }
        }

        /** A config value with its {@code {{ expression }}} parts evaluated. */
        Object resolve(Object value) {
            return switch (value) {
                case String text -> template(text);
                case Map<?, ?> map -> {
                    Map<String, Object> resolved = new LinkedHashMap<>();
                    map.forEach((key, item) -> resolved.put((String) key, resolve(item)));
                    yield resolved;
                }
                case List<?> list -> list.stream().map(this::resolve).toList();
                case null, default -> value;
            };
        }

        private Object template(String text) {
            Matcher whole = WHOLE_TEMPLATE.matcher(text);
            if (whole.matches() && !whole.group(1).contains("{{")) {
                return session.evaluate(whole.group(1).strip(), scope);
            }
            Matcher part = TEMPLATE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (part.find()) {
                Object value = session.evaluate(part.group(1).strip(), scope);
                part.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : asText(value)));
            }
            part.appendTail(out);
            return out.toString();
        }
    }

    /** The nodes a run of {@code definition} starts with: the trigger's successors. */
    public static List<String> firstNodes(WorkflowDefinition definition) {
        return definition.edges().stream().filter(edge -> edge.from().equals(Trigger.NODE_ID))
                .map(edge -> edge.to()).distinct().toList();
    }

    private static String asText(Object value) {
        if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
            return Long.toString(number.longValue());
        }
        return String.valueOf(value);
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return (text.length() > 60 ? text.substring(0, 60) + "…" : text) + " (" + switch (value) {
            case String ignored -> "a string";
            case Number ignored -> "a number";
            case Boolean ignored -> "a boolean";
            case Map<?, ?> ignored -> "an object";
            default -> "a value";
        } + ")";
    }

    private static Instant instant(Object value) {
        if (value instanceof Number number) {
            return Instant.ofEpochMilli(number.longValue());
        }
        if (value instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> target, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> current = target;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = current.get(parts[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                current.put(parts[i], next);
            }
            current = (Map<String, Object>) next;
        }
        current.put(parts[parts.length - 1], value);
    }
}
