package dev.junction.engine.mapping;

import dev.junction.engine.expressions.ExpressionRuntime;
import dev.junction.engine.json.FieldNames;
import dev.junction.engine.mapping.functions.BuiltInFunctions;
import dev.junction.engine.mapping.functions.FunctionParameter;
import dev.junction.engine.mapping.functions.MappingFunction;
import dev.junction.engine.mapping.functions.ValueMap;
import dev.junction.engine.mapping.model.MappingDocument;
import dev.junction.engine.mapping.model.PipeStep;
import dev.junction.engine.mapping.model.Rule;
import dev.junction.engine.mapping.model.SchemaReference;
import dev.junction.engine.mapping.model.SortKey;
import dev.junction.engine.mapping.model.Source;
import dev.junction.engine.mapping.model.ValueMapUse;
import dev.junction.engine.mapping.model.When;
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
 * Checks a mapping (its {@link MappingDocument} model, and the problems {@link MappingJson} found reading its JSON
 * form: every problem at once, each with its JSON path) and compiles it into
 * {@link CompiledMapping} closures: paths resolved, functions looked up and arities checked once; JavaScript only for
 * the rules that are JavaScript. See docs/mappings.md for the format.
 */
public final class MappingCompiler {

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

    /** Every problem of the mapping's JSON form and of what it says (errors and warnings); empty when it is clean. */
    public List<MappingProblem> check(MappingJson.Reading reading) {
        Compilation compilation = new Compilation(reading);
        compilation.mapping(reading.document());
        return compilation.problems;
    }

    /** Every problem of the mapping (errors and warnings); empty when it compiles cleanly. */
    public List<MappingProblem> check(MappingDocument document) {
        Compilation compilation = new Compilation(null);
        compilation.mapping(document);
        return compilation.problems;
    }

    /**
     * The mapping read from its JSON form, compiled.
     *
     * @throws MappingDefinitionException listing every error (and warning) of the form and of the mapping
     */
    public CompiledMapping compile(MappingJson.Reading reading) {
        return compiled(new Compilation(reading), reading.document());
    }

    /** @throws MappingDefinitionException listing every error (and warning) when the mapping has errors */
    public CompiledMapping compile(MappingDocument document) {
        return compiled(new Compilation(null), document);
    }

    private CompiledMapping compiled(Compilation compilation, MappingDocument document) {
        List<CompiledRules.Rule> rules = compilation.mapping(document);
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
        /** Where the document was read from (its rules' and steps' JSON paths); null: a document built in code. */
        final MappingJson.Reading reading;
        /** How many forEach rules the rules being compiled are inside (0: they read from the record itself). */
        int forEachDepth;
        JsonSchema sourceSchema = JsonSchema.ANY;
        JsonSchema targetSchema = JsonSchema.ANY;

        Compilation(MappingJson.Reading reading) {
            this.reading = reading;
            if (reading != null) {
                problems.addAll(reading.problems());
            }
        }

        void error(String path, String code, String message) {
            problems.add(MappingProblem.error(path, code, message));
        }

        /** The JSON path of a rule or step: where it was read from, else its place in the document. */
        String at(Object part, String place) {
            String read = reading == null ? null : reading.pathOf(part);
            return read == null ? place : read;
        }

        List<CompiledRules.Rule> mapping(MappingDocument mapping) {
            sourceSchema = schema(mapping.source(), "source");
            targetSchema = schema(mapping.target(), "target");
            return rules(mapping.rules(), "rules", sourceSchema, sourceSchema, targetSchema);
        }

        private JsonSchema schema(SchemaReference side, String path) {
            try {
                switch (side) {
                    case null -> {
                        return JsonSchema.ANY;
                    }
                    case SchemaReference.ById byId -> {
                        Optional<Map<String, Object>> found = schemas.find(byId.id());
                        if (found.isEmpty()) {
                            error(path + ".schema", "UnknownSchema", "no schema '" + byId.id() + "'; known: "
                                    + String.join(", ", schemas.ids()));
                            return JsonSchema.ANY;
                        }
                        return JsonSchema.of(found.get());
                    }
                    case SchemaReference.Inline inline -> {
                        return JsonSchema.of(inline.schema());
                    }
                }
            } catch (IllegalArgumentException e) {
                error(path + ".schema", "InvalidSchema", e.getMessage());
                return JsonSchema.ANY;
            }
        }

        private List<CompiledRules.Rule> rules(List<Rule> rules, String path, JsonSchema root, JsonSchema source,
                                               JsonSchema target) {
            List<CompiledRules.Rule> compiled = new ArrayList<>();
            Set<String> targets = new HashSet<>();
            for (int i = 0; i < rules.size(); i++) {
                Rule rule = rules.get(i);
                String at = at(rule, path + "[" + i + "]");
                String filled = rule.target().strip();
                if (!targets.add(filled)) {
                    error(at + ".target", "DuplicateTarget", "'" + rule.target() + "' is filled by an earlier rule"
                            + " already");
                } else {
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

        private CompiledRules.Rule rule(Rule rule, String at, JsonSchema root, JsonSchema source,
                                        JsonSchema target) {
            String targetText = rule.target().strip();
            if (!TARGET.matcher(targetText).matches()) {
                error(at + ".target", "Required", "must be a dotted path of field names, like"
                        + " \"billingAddress.address1\"");
                return null;
            }
            Optional<JsonSchema> targetField = target.at(targetText);
            if (targetField.isEmpty()) {
                error(at + ".target", "UnknownTarget", "'" + targetText + "' is not a field of the target schema"
                        + suggestion(target, targetText));
            }
            CompiledRules.Condition when = rule.when() == null ? null : condition(rule.when(), at + ".when", root,
                    source);
            String[] segments = FieldNames.segments(targetText);
            return switch (rule) {
                case Rule.ForEachRule each -> forEach(each, at, root, source, targetField.orElse(JsonSchema.ANY),
                        segments, targetText, when);
                case Rule.ValueRule value -> valueRule(value, at, root, source, targetField, segments, targetText,
                        when);
            };
        }

        private CompiledRules.Rule valueRule(Rule.ValueRule rule, String at, JsonSchema root, JsonSchema source,
                                             Optional<JsonSchema> targetField, String[] segments, String targetText,
                                             CompiledRules.Condition when) {
            List<String> sourcePaths = new ArrayList<>();
            List<SourcePath> reads = new ArrayList<>();
            CompiledRules.Source value;
            String label;
            switch (rule.source()) {
                case Source.Path from -> {
                    Optional<SourcePath> path = sourcePath(from.path(), at + ".from", root, source);
                    path.ifPresent(p -> sourcePaths.add(p.text()));
                    path.ifPresent(reads::add);
                    value = path.isPresent() ? CompiledRules.path(path.get()) : CompiledRules.paths(List.of());
                    label = "from " + String.join(", ", sourcePaths);
                }
                case Source.Paths from -> {
                    List<SourcePath> paths = new ArrayList<>();
                    for (int i = 0; i < from.paths().size(); i++) {
                        sourcePath(from.paths().get(i), at + ".from[" + i + "]", root, source).ifPresent(paths::add);
                    }
                    paths.forEach(path -> sourcePaths.add(path.text()));
                    reads.addAll(paths);
                    value = CompiledRules.paths(paths);
                    label = "from " + String.join(", ", sourcePaths);
                }
                case Source.Constant constant -> {
                    value = CompiledRules.constant(constant.value());
                    label = "value";
                }
                case Source.Expression expression -> {
                    if (expression.expression().isBlank()) {
                        error(at + ".expression", "WrongType", "must be a JavaScript expression over source, root,"
                                + " index");
                        return null;
                    }
                    String wrapped = CompiledRules.wrap(expression.expression());
                    expressions.syntaxErrorOfExpression(wrapped).ifPresent(message ->
                            error(at + ".expression", "Syntax", message));
                    value = CompiledRules.expression(wrapped);
                    label = "expression";
                }
            }
            List<CompiledRules.Step> steps = new ArrayList<>(pipe(rule.pipe(), at + ".pipe", root, source));
            if (rule.valueMap() != null) {
                valueMap(rule.valueMap(), at + ".valueMap").ifPresent(steps::add);
            }
            if (rule.lookup() != null) {
                if (!rule.lookup().isBlank()) {
                    steps.add(CompiledRules.function(functions.find("lookup").orElseThrow(),
                            List.of(CompiledRules.constant(rule.lookup())), "lookup " + rule.lookup()));
                } else {
                    error(at + ".lookup", "WrongType", "must be the name of a lookup table");
                }
            }
            if (rule.fallback() != null) {
                steps.add(CompiledRules.defaultValue(rule.fallback().value()));
            }
            CompiledRules.Step[] pipeline = steps.toArray(CompiledRules.Step[]::new);
            CompiledRules.TargetField field = CompiledRules.TargetField.of(segments, targetText,
                    targetField.orElse(JsonSchema.ANY));
            CompiledRules.ValueRule compiled = new CompiledRules.ValueRule(field, value, label, sourcePaths,
                    List.copyOf(reads), pipeline, when);
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

        private CompiledRules.Rule forEach(Rule.ForEachRule rule, String at, JsonSchema root, JsonSchema source,
                                           JsonSchema targetField, String[] segments, String targetText,
                                           CompiledRules.Condition when) {
            List<String> levels = levels(rule.forEach(), at + ".forEach");
            Optional<SourcePath> items = levels.isEmpty() ? Optional.empty()
                    : sourcePath(levels.getFirst(), at + ".forEach", root, source);
            List<SourcePath> inner = innerLevels(levels, at + ".forEach");
            if (targetField.isDescribed() && !targetField.types().isEmpty() && !targetField.types().contains("array")) {
                error(at + ".target", "WrongType", "'" + targetText + "' is not a list in the target schema: forEach"
                        + " makes a list");
            }
            StringBuilder elementPath = new StringBuilder();
            items.ifPresent(path -> elementPath.append(path.schemaPath()).append("[]"));
            inner.forEach(level -> elementPath.append('.').append(level.schemaPath()).append("[]"));
            JsonSchema elementSource = items.flatMap(path -> path.relativeToElement()
                    ? source.at(elementPath.toString()) : root.at(elementPath.toString())).orElse(JsonSchema.ANY);
            JsonSchema elementTarget = targetField.items().orElse(JsonSchema.ANY);
            forEachDepth++;
            CompiledRules.Condition where = rule.where() == null ? null : condition(rule.where(), at + ".where", root,
                    elementSource);
            List<ShapedForEachRule.SortKey> sortBy = new ArrayList<>();
            for (int i = 0; i < rule.sortBy().size(); i++) {
                SortKey key = rule.sortBy().get(i);
                sourcePath(key.path(), at(key, at + ".sortBy[" + i + "]") + ".path", root, elementSource)
                        .ifPresent(path -> sortBy.add(new ShapedForEachRule.SortKey(path, key.descending())));
            }
            SourcePath groupBy = rule.groupBy() == null ? null
                    : sourcePath(rule.groupBy(), at + ".groupBy", root, elementSource).orElse(null);
            // a group's rules read {"key", "items"}: no schema describes that element
            List<CompiledRules.Rule> nested = rules(rule.rules(), at + ".rules", root,
                    rule.groupBy() == null ? elementSource : JsonSchema.ANY, elementTarget);
            forEachDepth--;
            if (items.isEmpty() || inner.size() != levels.size() - 1) {
                return null;
            }
            if (inner.isEmpty() && rule.where() == null && rule.sortBy().isEmpty() && rule.groupBy() == null) {
                // a plain loop runs as it always did
                return new CompiledRules.ForEachRule(segments, targetText, items.get(), nested, when);
            }
            return new ShapedForEachRule(segments, targetText, items.get(), inner.toArray(SourcePath[]::new), where,
                    sortBy.toArray(ShapedForEachRule.SortKey[]::new), groupBy, nested, when);
        }

        /**
         * The levels of a forEach path split at its {@code []} ({@code Shipments[].Packages}: Shipments, Packages;
         * a {@code []} at the end says nothing more); empty when the path is not one (the problem is reported).
         */
        private List<String> levels(String text, String at) {
            String rest = text.strip();
            rest = rest.endsWith("[]") ? rest.substring(0, rest.length() - 2) : rest;
            List<String> levels = new ArrayList<>();
            int from = 0;
            while (true) {
                int brackets = rest.indexOf("[]", from);
                String level = rest.substring(from, brackets < 0 ? rest.length() : brackets);
                if (level.isBlank() || brackets >= 0 && !rest.startsWith(".", brackets + 2)) {
                    error(at, "InvalidPath", "'" + text + "' is not a path to a list: [] goes between field names,"
                            + " like \"Shipments[].Packages\" (every package of every shipment)");
                    return List.of();
                }
                levels.add(level);
                if (brackets < 0) {
                    return levels;
                }
                from = brackets + 3;
            }
        }

        /** The levels after the first, each a path inside the element of the level above. */
        private List<SourcePath> innerLevels(List<String> levels, String at) {
            List<SourcePath> inner = new ArrayList<>();
            for (String level : levels.subList(Math.min(1, levels.size()), levels.size())) {
                try {
                    SourcePath path = SourcePath.parse(level);
                    if (!path.relativeToElement() || path.steps().length == 0) {
                        error(at, "InvalidPath", "'" + level + "': after [] comes a field of each element (no $root,"
                                + " $parent, $index or $)");
                    } else {
                        inner.add(path);
                    }
                } catch (IllegalArgumentException e) {
                    error(at, "InvalidPath", e.getMessage());
                }
            }
            return inner;
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

        private List<CompiledRules.Step> pipe(List<PipeStep> pipe, String at, JsonSchema root, JsonSchema source) {
            List<CompiledRules.Step> steps = new ArrayList<>();
            for (int i = 0; i < pipe.size(); i++) {
                PipeStep step = pipe.get(i);
                step(step, at(step, at + "[" + i + "]"), root, source).ifPresent(steps::add);
            }
            return steps;
        }

        private Optional<CompiledRules.Step> step(PipeStep step, String stepAt, JsonSchema root, JsonSchema source) {
            String name = step.fn();
            Optional<MappingFunction> function = functions.find(name);
            if (function.isEmpty()) {
                error(stepAt + ".fn", "UnknownFunction", "no function '" + name + "'" + similarFunction(name));
                return Optional.empty();
            }
            MappingFunction fn = function.get();
            List<PipeStep.Argument> args = step.args();
            if (args.size() < fn.minArgs() || args.size() > fn.maxArgs()) {
                error(stepAt + ".args", "Arity", arityProblem(fn, args.size()));
                return Optional.empty();
            }
            List<CompiledRules.Source> compiledArgs = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (int a = 0; a < args.size(); a++) {
                switch (args.get(a)) {
                    case PipeStep.Argument.FromPath from -> {
                        sourcePath(from.path(), stepAt + ".args[" + a + "].from", root, source)
                                .ifPresent(p -> compiledArgs.add(CompiledRules.path(p)));
                        shown.add(from.path());
                    }
                    case PipeStep.Argument.Constant constant -> {
                        Object arg = constant.value();
                        compiledArgs.add(CompiledRules.constant(arg));
                        shown.add(arg instanceof String text ? "\"" + text + "\"" : String.valueOf(arg));
                    }
                }
            }
            return Optional.of(CompiledRules.function(fn, compiledArgs, name + "(" + String.join(", ", shown) + ")"));
        }

        private Optional<CompiledRules.Step> valueMap(ValueMapUse valueMap, String at) {
            switch (valueMap) {
                case ValueMapUse.Named named -> {
                    Optional<ValueMap> found = valueMaps.find(named.name());
                    if (found.isEmpty()) {
                        error(at, "UnknownValueMap", "no value map '" + named.name() + "'; known: "
                                + String.join(", ", valueMaps.all().stream().map(ValueMap::name).toList()));
                    }
                    return found.map(CompiledRules::valueMap);
                }
                case ValueMapUse.Inline inline -> {
                    try {
                        return Optional.of(CompiledRules.valueMap(ValueMap.fromJson("inline", inline.definition())));
                    } catch (IllegalArgumentException e) {
                        error(at, "InvalidValueMap", e.getMessage());
                        return Optional.empty();
                    }
                }
            }
        }

        private CompiledRules.Condition condition(When when, String at, JsonSchema root, JsonSchema source) {
            switch (when) {
                case When.Expression expression -> {
                    String wrapped = CompiledRules.wrap(expression.expression());
                    expressions.syntaxErrorOfExpression(wrapped).ifPresent(message -> error(at + ".expression",
                            "Syntax", message));
                    return (frame, run) -> run.session().test(wrapped, CompiledRules.scope(frame));
                }
                case When.Test test -> {
                    Optional<SourcePath> path = sourcePath(test.from(), at + ".from", root, source);
                    Optional<CompiledRules.Step> predicate = test.test() == null ? Optional.empty()
                            : step(test.test(), at(test.test(), at), root, source);
                    if (path.isEmpty()) {
                        return null;
                    }
                    SourcePath read = path.get();
                    CompiledRules.Step check = predicate.orElse(null);
                    return (frame, run) -> {
                        Object value = read.read(frame, run.slots);
                        if (check != null) {
                            value = check.apply(value, frame, run);
                        }
                        return BuiltInFunctions.truthy(value);
                    };
                }
            }
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

    /**
     * What is wrong with calling {@code fn} with {@code given} arguments, naming the parameters:
     * {@code toMinorUnits takes 1 argument, got 0: currency is missing}.
     */
    private static String arityProblem(MappingFunction fn, int given) {
        String problem = fn.name() + " takes " + arity(fn) + ", got " + given;
        List<FunctionParameter> parameters = fn.parameters();
        if (given < fn.minArgs()) {
            List<String> missing = parameters.subList(given, parameters.size()).stream()
                    .filter(parameter -> !parameter.optional()).map(FunctionParameter::name).toList();
            return problem + ": " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " missing";
        }
        return parameters.isEmpty() ? problem : problem + ": after " + parameters.getLast().name()
                + " there is no parameter (" + fn.name() + "(" + String.join(", ", parameters.stream()
                .map(MappingCompiler::shown).toList()) + "))";
    }

    private static String shown(FunctionParameter parameter) {
        return parameter.name() + (parameter.variadic() ? "…" : "") + (parameter.optional() ? "?" : "");
    }

    private static String arity(MappingFunction fn) {
        if (fn.minArgs() == fn.maxArgs()) {
            return fn.minArgs() == 0 ? "no arguments" : fn.minArgs() + " argument" + (fn.minArgs() == 1 ? "" : "s");
        }
        return fn.maxArgs() == Integer.MAX_VALUE ? "at least " + fn.minArgs() + " argument"
                + (fn.minArgs() == 1 ? "" : "s") : fn.minArgs() + " to " + fn.maxArgs() + " arguments";
    }
}
