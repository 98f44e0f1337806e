package dev.junction.engine.mapping;

import dev.junction.engine.expressions.ExpressionRuntime;
import dev.junction.engine.mapping.functions.BuiltInFunctions;
import dev.junction.engine.mapping.functions.MappingFunction;
import dev.junction.engine.mapping.functions.ValueMap;
import dev.junction.engine.schema.JsonSchema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a mapping's JSON form (every problem at once, each with its JSON path) and compiles it into
 * {@link CompiledMapping} closures: paths resolved, functions looked up and arities checked once; JavaScript only for
 * the rules that are JavaScript. See docs/mappings.md for the format.
 */
public final class MappingCompiler {

    private static final Set<String> ROOT_KEYS = Set.of("schemaVersion", "name", "description", "source", "target",
            "rules");
    private static final Set<String> RULE_KEYS = Set.of("target", "from", "value", "expression", "forEach", "rules",
            "pipe", "valueMap", "lookup", "default", "when", "description");
    private static final Set<String> SOURCE_KEYS = Set.of("from", "value", "expression", "forEach");
    private static final Pattern TARGET = Pattern.compile("[\\w@$][\\w@$:-]*(\\.[\\w@$][\\w@$:-]*)*");

    private final FunctionCatalog functions;
    private final ValueMapCatalog valueMaps;
    private final SchemaCatalog schemas;
    private final ExpressionRuntime expressions;

    public MappingCompiler(FunctionCatalog functions, ValueMapCatalog valueMaps, SchemaCatalog schemas,
                           ExpressionRuntime expressions) {
        this.functions = Objects.requireNonNull(functions);
        this.valueMaps = Objects.requireNonNull(valueMaps);
        this.schemas = Objects.requireNonNull(schemas);
        this.expressions = Objects.requireNonNull(expressions);
    }

    /** Every problem of the mapping (errors and warnings); empty when it compiles cleanly. */
    public List<MappingProblem> check(Map<String, ?> mapping) {
        Compilation compilation = new Compilation();
        compilation.mapping(mapping);
        return compilation.problems;
    }

    /** @throws MappingDefinitionException listing every error (and warning) when the mapping has errors */
    public CompiledMapping compile(Map<String, ?> mapping) {
        Compilation compilation = new Compilation();
        List<CompiledRules.Rule> rules = compilation.mapping(mapping);
        if (compilation.problems.stream().anyMatch(MappingProblem::isError)) {
            throw new MappingDefinitionException(compilation.problems);
        }
        return new CompiledMapping(rules, compilation.targetSchema, compilation.slots.count(), expressions,
                compilation.problems);
    }

    /** One check-and-compile pass, collecting problems. */
    private final class Compilation {

        final List<MappingProblem> problems = new ArrayList<>();
        final SourcePath.Slots slots = new SourcePath.Slots();
        /** How many forEach rules the rules being compiled are inside (0: they read from the record itself). */
        int forEachDepth;
        JsonSchema sourceSchema = JsonSchema.ANY;
        JsonSchema targetSchema = JsonSchema.ANY;

        void error(String path, String code, String message) {
            problems.add(MappingProblem.error(path, code, message));
        }

        List<CompiledRules.Rule> mapping(Map<String, ?> mapping) {
            for (String key : mapping.keySet()) {
                if (!ROOT_KEYS.contains(key)) {
                    error(key, "UnknownField", "unknown field; a mapping has " + String.join(", ",
                            new java.util.TreeSet<>(ROOT_KEYS)));
                }
            }
            if (!(mapping.get("schemaVersion") instanceof Number version) || version.intValue() != 1
                    || version.doubleValue() != 1) {
                error("schemaVersion", "Required", "must be 1");
            }
            sourceSchema = schema(mapping.get("source"), "source");
            targetSchema = schema(mapping.get("target"), "target");
            if (!(mapping.get("rules") instanceof List<?> rules)) {
                error("rules", "Required", "must be a list of rules");
                return List.of();
            }
            return rules(rules, "rules", sourceSchema, sourceSchema, targetSchema);
        }

        private JsonSchema schema(Object side, String path) {
            if (side == null) {
                return JsonSchema.ANY;
            }
            if (!(side instanceof Map<?, ?> map) || !map.containsKey("schema")) {
                error(path, "WrongType", "must be an object with a 'schema': a shipped schema's id or a JSON Schema");
                return JsonSchema.ANY;
            }
            Object schema = map.get("schema");
            try {
                if (schema instanceof String id) {
                    Optional<Map<String, Object>> found = schemas.find(id);
                    if (found.isEmpty()) {
                        error(path + ".schema", "UnknownSchema", "no schema '" + id + "'; known: "
                                + String.join(", ", schemas.ids()));
                        return JsonSchema.ANY;
                    }
                    return JsonSchema.of(found.get());
                }
                if (schema instanceof Map<?, ?> inline) {
                    @SuppressWarnings("unchecked")
                    Map<String, ?> document = (Map<String, ?>) inline;
                    return JsonSchema.of(document);
                }
            } catch (IllegalArgumentException e) {
                error(path + ".schema", "InvalidSchema", e.getMessage());
                return JsonSchema.ANY;
            }
            error(path + ".schema", "WrongType", "must be a schema id (e.g. \"sp-api/Order\") or a JSON Schema object");
            return JsonSchema.ANY;
        }

        private List<CompiledRules.Rule> rules(List<?> rules, String path, JsonSchema root, JsonSchema source,
                                               JsonSchema target) {
            List<CompiledRules.Rule> compiled = new ArrayList<>();
            Set<String> targets = new HashSet<>();
            for (int i = 0; i < rules.size(); i++) {
                String at = path + "[" + i + "]";
                if (!(rules.get(i) instanceof Map<?, ?> rule)) {
                    error(at, "WrongType", "a rule must be an object with a 'target'");
                    continue;
                }
                if (rule.get("target") instanceof String text && !targets.add(text.strip())) {
                    error(at + ".target", "DuplicateTarget", "'" + text + "' is filled by an earlier rule already");
                } else if (rule.get("target") instanceof String text) {
                    String filled = text.strip();
                    targets.stream().filter(other -> other.startsWith(filled + ".") || filled.startsWith(other + "."))
                            .findFirst().ifPresent(other -> error(at + ".target", "OverlappingTarget", "'" + filled
                                    + "' overlaps '" + other + "', filled by another rule: one would overwrite the other"));
                }
                CompiledRules.Rule built = rule(rule, at, root, source, target);
                if (built != null) {
                    compiled.add(built);
                }
            }
            return compiled;
        }

        private CompiledRules.Rule rule(Map<?, ?> rule, String at, JsonSchema root, JsonSchema source,
                                        JsonSchema target) {
            for (Object key : rule.keySet()) {
                if (!RULE_KEYS.contains(key)) {
                    error(at + "." + key, "UnknownField", "unknown field; a rule has target, one of from / value /"
                            + " expression / forEach, and optionally pipe, valueMap, lookup, default, when");
                }
            }
            String targetText = rule.get("target") instanceof String text ? text.strip() : null;
            if (targetText == null || !TARGET.matcher(targetText).matches()) {
                error(at + ".target", "Required", "must be a dotted path of field names, like"
                        + " \"billingAddress.address1\"");
                return null;
            }
            Optional<JsonSchema> targetField = target.at(targetText);
            if (targetField.isEmpty()) {
                error(at + ".target", "UnknownTarget", "'" + targetText + "' is not a field of the target schema"
                        + suggestion(target, targetText));
            }
            List<String> sources = rule.keySet().stream().map(String::valueOf).filter(SOURCE_KEYS::contains).toList();
            if (sources.size() != 1) {
                error(at, "Source", sources.isEmpty() ? "needs one of from, value, expression, forEach"
                        : "has " + String.join(" and ", sources) + ": a rule takes exactly one of them");
                return null;
            }
            CompiledRules.Condition when = rule.containsKey("when") ? condition(rule.get("when"), at + ".when", root,
                    source) : null;
            // interned, as CreatedObjects' required names are: its check finds them in the output by identity
            String[] segments = java.util.Arrays.stream(targetText.split("\\.")).map(String::intern)
                    .toArray(String[]::new);
            if (rule.containsKey("forEach")) {
                return forEach(rule, at, root, source, targetField.orElse(JsonSchema.ANY), segments, targetText, when);
            }
            List<String> sourcePaths = new ArrayList<>();
            CompiledRules.Source value;
            String label;
            if (rule.containsKey("from")) {
                Object from = rule.get("from");
                List<SourcePath> paths = new ArrayList<>();
                if (from instanceof String text) {
                    sourcePath(text, at + ".from", root, source).ifPresent(paths::add);
                } else if (from instanceof List<?> list && !list.isEmpty()) {
                    for (int i = 0; i < list.size(); i++) {
                        if (list.get(i) instanceof String text) {
                            sourcePath(text, at + ".from[" + i + "]", root, source).ifPresent(paths::add);
                        } else {
                            error(at + ".from[" + i + "]", "WrongType", "must be a source path");
                        }
                    }
                } else {
                    error(at + ".from", "WrongType", "must be a source path or a list of them");
                }
                paths.forEach(path -> sourcePaths.add(path.text()));
                value = from instanceof String && paths.size() == 1 ? CompiledRules.path(paths.getFirst())
                        : CompiledRules.paths(paths);
                label = "from " + String.join(", ", sourcePaths);
            } else if (rule.containsKey("value")) {
                value = CompiledRules.constant(rule.get("value"));
                label = "value";
            } else {
                String expression = rule.get("expression") instanceof String text ? text : null;
                if (expression == null || expression.isBlank()) {
                    error(at + ".expression", "WrongType", "must be a JavaScript expression over source, root, index");
                    return null;
                }
                String wrapped = CompiledRules.wrap(expression);
                expressions.syntaxErrorOfExpression(wrapped).ifPresent(message ->
                        error(at + ".expression", "Syntax", message));
                value = CompiledRules.expression(wrapped);
                label = "expression";
            }
            List<CompiledRules.Step> steps = new ArrayList<>(pipe(rule.get("pipe"), at + ".pipe", root, source));
            if (rule.containsKey("valueMap")) {
                valueMap(rule.get("valueMap"), at + ".valueMap").ifPresent(steps::add);
            }
            if (rule.containsKey("lookup")) {
                if (rule.get("lookup") instanceof String table && !table.isBlank()) {
                    steps.add(CompiledRules.function(functions.find("lookup").orElseThrow(),
                            List.of(CompiledRules.constant(table)), "lookup " + table));
                } else {
                    error(at + ".lookup", "WrongType", "must be the name of a lookup table");
                }
            }
            if (rule.containsKey("default")) {
                steps.add(CompiledRules.defaultValue(rule.get("default")));
            }
            CompiledRules.Step[] pipeline = steps.toArray(CompiledRules.Step[]::new);
            CompiledRules.TargetField field = CompiledRules.TargetField.of(segments, targetText,
                    targetField.orElse(JsonSchema.ANY));
            CompiledRules.ValueRule compiled = new CompiledRules.ValueRule(field, value, label, sourcePaths, pipeline,
                    when);
            // what each record's value still needs checking for: nothing for a constant that fits (checked here,
            // once), and not what the last step's results are known to be (truncate: the length)
            return compiled.with(compiled.constant() != null && field.check() != null
                    ? checkedConstant(compiled.constant(), field, at + ".value")
                    : field.given(CompiledRules.known(pipeline, field.maxLength())));
        }

        /**
         * A constant is the same in every record, so its field's check runs once, here: what it finds is an error of
         * the rule's {@code value} (the designer shows it on the rule, before any record is mapped); when it finds
         * nothing, the field is not checked again per record.
         */
        private CompiledRules.TargetField checkedConstant(Object constant, CompiledRules.TargetField field, String at) {
            List<MappingProblem> found = new ArrayList<>();
            field.check().validate(constant, field.text(), found);
            for (MappingProblem problem : found) {
                error(at, problem.code(), "'" + problem.path() + "' " + problem.message());
            }
            return found.isEmpty() ? field.unchecked() : field;
        }

        private CompiledRules.Rule forEach(Map<?, ?> rule, String at, JsonSchema root, JsonSchema source,
                                           JsonSchema targetField, String[] segments, String targetText,
                                           CompiledRules.Condition when) {
            Optional<SourcePath> items = rule.get("forEach") instanceof String text
                    ? sourcePath(text, at + ".forEach", root, source) : Optional.empty();
            if (!(rule.get("forEach") instanceof String)) {
                error(at + ".forEach", "WrongType", "must be the source path of a list");
            }
            if (targetField.isDescribed() && !targetField.types().isEmpty() && !targetField.types().contains("array")) {
                error(at + ".target", "WrongType", "'" + targetText + "' is not a list in the target schema: forEach"
                        + " makes a list");
            }
            if (!(rule.get("rules") instanceof List<?> nested)) {
                error(at + ".rules", "Required", "a forEach rule needs the rules that fill each element");
                return null;
            }
            JsonSchema elementSource = items.flatMap(path -> path.relativeToElement()
                    ? source.at(path.schemaPath() + "[]") : root.at(path.schemaPath() + "[]")).orElse(JsonSchema.ANY);
            JsonSchema elementTarget = targetField.items().orElse(JsonSchema.ANY);
            forEachDepth++;
            List<CompiledRules.Rule> inner = rules(nested, at + ".rules", root, elementSource, elementTarget);
            forEachDepth--;
            return items.map(path -> (CompiledRules.Rule) new CompiledRules.ForEachRule(segments, targetText, path,
                    inner, when)).orElse(null);
        }

        private Optional<SourcePath> sourcePath(String text, String at, JsonSchema root, JsonSchema source) {
            SourcePath path;
            try {
                path = SourcePath.parse(text);
            } catch (IllegalArgumentException e) {
                error(at, "InvalidPath", e.getMessage());
                return Optional.empty();
            }
            String schemaPath = path.schemaPath();
            JsonSchema base = path.relativeToElement() ? source : root;
            if (schemaPath != null && !schemaPath.isEmpty() && base.isDescribed() && path.relativeToElement()
                    && base.at(schemaPath).isEmpty()) {
                problems.add(MappingProblem.warning(at, "UnknownSource", "'" + text + "' is not in the source"
                        + " schema (a sample may still have it)"));
            }
            return Optional.of(forEachDepth == 0 || path.relativeToRoot() ? slots.slotted(path) : path);
        }

        private List<CompiledRules.Step> pipe(Object pipe, String at, JsonSchema root, JsonSchema source) {
            if (pipe == null) {
                return List.of();
            }
            if (!(pipe instanceof List<?> list)) {
                error(at, "WrongType", "must be a list of {\"fn\": name, \"args\": [...]}");
                return List.of();
            }
            List<CompiledRules.Step> steps = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String stepAt = at + "[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?> step) || !(step.get("fn") instanceof String name)) {
                    error(stepAt + ".fn", "Required", "each step names a function: {\"fn\": \"trim\"}");
                    continue;
                }
                Optional<MappingFunction> function = functions.find(name);
                if (function.isEmpty()) {
                    error(stepAt + ".fn", "UnknownFunction", "no function '" + name + "'" + similarFunction(name));
                    continue;
                }
                List<?> args = step.get("args") == null ? List.of() : step.get("args") instanceof List<?> given
                        ? given : null;
                if (args == null) {
                    error(stepAt + ".args", "WrongType", "must be a list of arguments");
                    continue;
                }
                MappingFunction fn = function.get();
                if (args.size() < fn.minArgs() || args.size() > fn.maxArgs()) {
                    error(stepAt + ".args", "Arity", name + " takes " + arity(fn) + ", got " + args.size());
                    continue;
                }
                List<CompiledRules.Source> compiledArgs = new ArrayList<>();
                List<String> shown = new ArrayList<>();
                for (int a = 0; a < args.size(); a++) {
                    Object arg = args.get(a);
                    if (arg instanceof Map<?, ?> ref && ref.size() == 1 && ref.get("from") instanceof String text) {
                        Optional<SourcePath> path = sourcePath(text, stepAt + ".args[" + a + "].from", root, source);
                        path.ifPresent(p -> compiledArgs.add(CompiledRules.path(p)));
                        shown.add(text);
                    } else {
                        compiledArgs.add(CompiledRules.constant(arg));
                        shown.add(arg instanceof String text ? "\"" + text + "\"" : String.valueOf(arg));
                    }
                }
                steps.add(CompiledRules.function(fn, compiledArgs, name + "(" + String.join(", ", shown) + ")"));
            }
            return steps;
        }

        private Optional<CompiledRules.Step> valueMap(Object valueMap, String at) {
            if (valueMap instanceof String name) {
                Optional<ValueMap> found = valueMaps.find(name);
                if (found.isEmpty()) {
                    error(at, "UnknownValueMap", "no value map '" + name + "'; known: " + String.join(", ",
                            valueMaps.all().stream().map(ValueMap::name).toList()));
                }
                return found.map(CompiledRules::valueMap);
            }
            if (valueMap instanceof Map<?, ?> inline) {
                try {
                    return Optional.of(CompiledRules.valueMap(ValueMap.fromJson("inline", inline)));
                } catch (IllegalArgumentException e) {
                    error(at, "InvalidValueMap", e.getMessage());
                    return Optional.empty();
                }
            }
            error(at, "WrongType", "must be a value map's name or {\"entries\": {...}, \"unmapped\": ...}");
            return Optional.empty();
        }

        private CompiledRules.Condition condition(Object when, String at, JsonSchema root, JsonSchema source) {
            if (!(when instanceof Map<?, ?> condition)) {
                error(at, "WrongType", "must be {\"from\": path, \"fn\": predicate} or {\"expression\": \"JS\"}");
                return null;
            }
            if (condition.get("expression") instanceof String expression) {
                String wrapped = CompiledRules.wrap(expression);
                expressions.syntaxErrorOfExpression(wrapped).ifPresent(message -> error(at + ".expression", "Syntax",
                        message));
                return (frame, run) -> run.session().test(wrapped, CompiledRules.scope(frame));
            }
            if (!(condition.get("from") instanceof String from)) {
                error(at, "WrongType", "must be {\"from\": path, \"fn\": predicate} or {\"expression\": \"JS\"}");
                return null;
            }
            Optional<SourcePath> path = sourcePath(from, at + ".from", root, source);
            List<CompiledRules.Step> predicate = condition.containsKey("fn")
                    ? pipe(List.of(Map.of("fn", condition.get("fn"), "args", condition.get("args") == null ? List.of()
                    : condition.get("args"))), at, root, source) : List.of();
            if (path.isEmpty()) {
                return null;
            }
            return (frame, run) -> {
                Object value = path.get().read(frame, run.slots);
                for (CompiledRules.Step step : predicate) {
                    value = step.apply(value, frame, run);
                }
                return BuiltInFunctions.truthy(value);
            };
        }

        private String suggestion(JsonSchema target, String text) {
            String wanted = text.toLowerCase(java.util.Locale.ROOT);
            return target.leafPaths().stream().map(path -> path.replace("[]", ""))
                    .filter(path -> EditDistance.between(path.toLowerCase(java.util.Locale.ROOT), wanted) <= 2)
                    .findFirst().map(path -> " (did you mean '" + path + "'?)").orElse("");
        }

        private String similarFunction(String name) {
            return functions.all().stream().map(MappingFunction::name)
                    .filter(known -> known.equalsIgnoreCase(name) || known.toLowerCase(java.util.Locale.ROOT)
                            .startsWith(name.toLowerCase(java.util.Locale.ROOT)))
                    .findFirst().map(known -> " (did you mean '" + known + "'?)").orElse("");
        }
    }

    private static String arity(MappingFunction fn) {
        if (fn.minArgs() == fn.maxArgs()) {
            return fn.minArgs() == 0 ? "no arguments" : fn.minArgs() + " argument" + (fn.minArgs() == 1 ? "" : "s");
        }
        return fn.maxArgs() == Integer.MAX_VALUE ? "at least " + fn.minArgs() + " arguments"
                : fn.minArgs() + " to " + fn.maxArgs() + " arguments";
    }

}
