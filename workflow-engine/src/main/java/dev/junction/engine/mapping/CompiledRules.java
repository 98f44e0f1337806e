package dev.junction.engine.mapping;

import dev.junction.engine.expressions.ExpressionException;
import dev.junction.engine.expressions.ExpressionSession;
import dev.junction.engine.mapping.functions.FunctionException;
import dev.junction.engine.mapping.functions.MappingFunction;
import dev.junction.engine.mapping.functions.ValueMap;
import dev.junction.engine.schema.JsonSchema;
import dev.junction.engine.schema.KnownValue;
import dev.junction.engine.schema.SchemaValidator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The closures a mapping compiles into: where a value comes from, the steps that shape it, the rules that place it. */
final class CompiledRules {

    private CompiledRules() {
    }

    /** Where a rule's value comes from. */
    interface Source {
        Object read(SourcePath.Frame frame, MappingRun run);
    }

    /** One step of a pipeline. */
    interface Step {
        Object apply(Object value, SourcePath.Frame frame, MappingRun run);

        String label();
    }

    /** A condition ({@code when}). */
    interface Condition {
        boolean holds(SourcePath.Frame frame, MappingRun run);
    }

    /** A rule: fills its target in {@code out} ({@code prefix} makes the concrete target path, e.g. items[2].). */
    interface Rule {
        /** @return whether it placed a value (never null) at its target */
        boolean apply(SourcePath.Frame frame, Map<String, Object> out, String prefix, MappingRun run);

        /** The target's field names ({@code billingAddress}, {@code address1}). */
        String[] target();
    }

    /**
     * A rule's target field, resolved once: its path, its schema (what functions like {@code truncate} read), its
     * maxLength, and the schema check its value gets when placed (null when the target schema does not describe it).
     */
    record TargetField(String[] segments, String text, Map<String, Object> schema, Integer maxLength,
                       SchemaValidator.Check check) {

        static TargetField of(String[] segments, String text, JsonSchema schema) {
            return new TargetField(segments, text, schema.raw(), schema.integer("maxLength").orElse(null),
                    schema.isDescribed() ? SchemaValidator.compile(schema) : null);
        }

        /** The field for values all of which are what {@code known} says: without the checks that proves. */
        TargetField given(KnownValue known) {
            return check == null ? this : new TargetField(segments, text, schema, maxLength, check.given(known));
        }

        /** The field without its check: for a constant that was checked once, when the mapping was compiled. */
        TargetField unchecked() {
            return new TargetField(segments, text, schema, maxLength, null);
        }
    }

    static Source path(SourcePath path) {
        return (frame, run) -> path.read(frame, run.slots);
    }

    static Source paths(List<SourcePath> paths) {
        return (frame, run) -> {
            List<Object> values = new ArrayList<>(paths.size());
            for (SourcePath path : paths) {
                values.add(path.read(frame, run.slots));
            }
            return values;
        };
    }

    static Constant constant(Object value) {
        return new Constant(value);
    }

    /** JavaScript over {@code source} (the record or element), {@code root} and {@code index}. */
    static Source expression(String wrapped) {
        return (frame, run) -> run.session().evaluate(wrapped, scope(frame));
    }

    static ExpressionSession.Scope scope(SourcePath.Frame frame) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("root", frame.root());
        vars.put("index", frame.index() == null ? null : frame.index().longValue());
        return new ExpressionSession.Scope(frame.element(), Map.of(), vars);
    }

    /** The wrapper that gives a mapping's JavaScript the names {@code source}, {@code root}, {@code index}. */
    static String wrap(String expression) {
        return "((source, root, index) => (" + expression + "\n))(trigger, vars.root, vars.index)";
    }

    static Step function(MappingFunction function, List<Source> args, String label) {
        boolean constantArgs = args.stream().allMatch(arg -> arg instanceof Constant);
        List<Object> fixed = constantArgs ? args.stream().map(arg -> ((Constant) arg).value()).toList() : null;
        return new FunctionStep(function, args, fixed, label);
    }

    /** What every value a pipeline ends with (other than nothing) is known to be, into a field of that maxLength. */
    static KnownValue known(Step[] steps, Integer targetMaxLength) {
        if (steps.length == 0 || !(steps[steps.length - 1] instanceof FunctionStep last)) {
            return KnownValue.NOTHING;
        }
        List<Object> constantArgs = last.args().stream()
                .map(arg -> arg instanceof Constant constant ? constant.value() : null).toList();
        return last.function().result(constantArgs, targetMaxLength);
    }

    /** A function step; {@code fixed} holds the arguments when all are constants (else null). */
    record FunctionStep(MappingFunction function, List<Source> args, List<Object> fixed, String label)
            implements Step {

        @Override
        public Object apply(Object value, SourcePath.Frame frame, MappingRun run) {
            List<Object> values = fixed;
            if (values == null) {
                values = new ArrayList<>(args.size());
                for (Source arg : args) {
                    values.add(arg.read(frame, run));
                }
            }
            return function.apply(value, values, run);
        }
    }

    /** A constant: a rule's value, or a step's argument (a step whose arguments all are passes one fixed list). */
    record Constant(Object value) implements Source {
        @Override
        public Object read(SourcePath.Frame frame, MappingRun run) {
            return value;
        }
    }

    static Step valueMap(ValueMap map) {
        return new ValueMapStep(map);
    }

    record ValueMapStep(ValueMap map) implements Step {

        @Override
        public Object apply(Object value, SourcePath.Frame frame, MappingRun run) {
            return map.apply(value);
        }

        @Override
        public String label() {
            return "valueMap " + map.name();
        }
    }

    static Step defaultValue(Object fallback) {
        return new DefaultStep(fallback);
    }

    record DefaultStep(Object fallback) implements Step {

        @Override
        public Object apply(Object value, SourcePath.Frame frame, MappingRun run) {
            return value == null || value instanceof String text && text.isEmpty() ? fallback : value;
        }

        @Override
        public String label() {
            return "default";
        }
    }

    /**
     * A rule that fills one target field from a source through its steps; the value is checked against the
     * field's schema as it is placed (the required fields of the objects rules create are checked once the record is
     * done, see {@link CreatedObjects}).
     */
    record ValueRule(TargetField field, Source source, String sourceLabel, List<String> sourcePaths,
                     List<SourcePath> reads, Step[] steps, Condition when) implements Rule {

        @Override
        public String[] target() {
            return field.segments();
        }

        /** The value the rule places whenever it applies, when that is one constant (no steps); else null. */
        Object constant() {
            return steps.length == 0 && source instanceof Constant constant ? constant.value() : null;
        }

        /** Whether the rule fills its field in every record: a constant, unconditional. */
        boolean alwaysFills() {
            return when == null && constant() != null;
        }

        /** The same rule filling {@code field} (the same field, with or without its check). */
        ValueRule with(TargetField field) {
            return new ValueRule(field, source, sourceLabel, sourcePaths, reads, steps, when);
        }

        @Override
        public boolean apply(SourcePath.Frame frame, Map<String, Object> out, String prefix, MappingRun run) {
            run.begin(prefix, field, sourcePaths, reads, frame);
            Object value = null;
            try {
                if (when != null && !when.holds(frame, run)) {
                    run.step("when: not met, rule skipped", null);
                    run.end(null);
                    return false;
                }
                value = source.read(frame, run);
                run.step(sourceLabel, value);
                for (Step step : steps) {
                    value = step.apply(value, frame, run);
                    if (run.tracing()) {
                        run.step(step.label(), value);
                    }
                }
            } catch (FunctionException e) {
                run.error(e.code(), e.getMessage());
                value = null;
            } catch (ExpressionException e) {
                run.error("ExpressionFailed", e.getMessage());
                value = null;
            }
            if (value != null) {
                place(out, field.segments(), value);
                if (field.check() != null) {
                    field.check().validate(value, run.field(), run.problems);
                }
            }
            run.end(value);
            return value != null;
        }
    }

    /** A rule that makes a list, its elements filled by nested rules. */
    interface ListRule extends Rule {
        /** The rules that fill each element. */
        List<Rule> rules();
    }

    /** A rule that makes an array, one element per source element, filled by nested rules. */
    record ForEachRule(String[] target, String targetText, SourcePath items, List<Rule> rules, Condition when)
            implements ListRule {

        @Override
        public boolean apply(SourcePath.Frame frame, Map<String, Object> out, String prefix, MappingRun run) {
            String path = prefix.isEmpty() ? targetText : prefix + targetText;
            if (when != null) {
                try {
                    if (!when.holds(frame, run)) {
                        return false;
                    }
                } catch (FunctionException | ExpressionException e) {
                    run.begin(path, List.of(items.text()));
                    run.error(e instanceof FunctionException failure ? failure.code() : "ExpressionFailed",
                            "when: " + e.getMessage());
                    run.end(null);
                    return false;
                }
            }
            Object source = items.read(frame, run.slots);
            if (source == null) {
                return false;
            }
            if (!(source instanceof List<?> list)) {
                run.begin(path, List.of(items.text()));
                run.error("NotAList", "forEach '" + items.text() + "' must be a list, got an "
                        + (source instanceof Map<?, ?> ? "object" : source.getClass().getSimpleName()));
                run.end(null);
                return false;
            }
            List<Object> elements = new ArrayList<>(list.size());
            SourceLineage lineage = run.lineage;
            SourceLineage.Origin listOrigin = lineage == null ? null : lineage.origin(items, frame);
            for (int i = 0; i < list.size(); i++) {
                Map<String, Object> element = new LinkedHashMap<>();
                SourcePath.Frame child = new SourcePath.Frame(list.get(i), frame.root(), frame, i);
                if (lineage != null) {
                    lineage.locate(child, SourceLineage.element(listOrigin, i));
                }
                String childPrefix = path + "[" + i + "].";
                for (Rule rule : rules) {
                    rule.apply(child, element, childPrefix, run);
                }
                elements.add(element);
            }
            place(out, target, elements);
            return true;
        }
    }

    @SuppressWarnings("unchecked")
    static void place(Map<String, Object> out, String[] target, Object value) {
        Map<String, Object> current = out;
        for (int i = 0; i < target.length - 1; i++) {
            Object next = current.get(target[i]);
            if (!(next instanceof Map<?, ?>)) {
                next = new LinkedHashMap<String, Object>();
                current.put(target[i], next);
            }
            current = (Map<String, Object>) next;
        }
        current.put(target[target.length - 1], value);
    }
}
