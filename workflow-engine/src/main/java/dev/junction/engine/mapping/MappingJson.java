package dev.junction.engine.mapping;

import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.mapping.functions.ValueMap;
import dev.junction.engine.mapping.model.DefaultValue;
import dev.junction.engine.mapping.model.MappingDocument;
import dev.junction.engine.mapping.model.PipeStep;
import dev.junction.engine.mapping.model.Rule;
import dev.junction.engine.mapping.model.SchemaReference;
import dev.junction.engine.mapping.model.SortKey;
import dev.junction.engine.mapping.model.Source;
import dev.junction.engine.mapping.model.ValueMapUse;
import dev.junction.engine.mapping.model.When;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON form of a mapping ({@code schemaVersion} 1, docs/mappings.md) and the {@link MappingDocument} model, both
 * ways. JSON here is plain values as {@link PayloadJson} reads them (maps, lists, text, Long, Double, Boolean, null).
 *
 * <p>{@link #read} reports every problem of the form at once, each with its JSON path ({@code rules[3].pipe[0].fn}):
 * unknown fields, wrong types, a rule with no or two sources. What the form says about the rest of the world (a
 * target the schema has not, an unknown function, the wrong number of arguments) is the
 * {@link MappingCompiler}'s to find. {@link #write} gives back the form it read: keys in a fixed order, an empty
 * {@code args} left out. {@link #schema} is the form as a JSON Schema.
 */
public final class MappingJson {

    static final Set<String> ROOT_KEYS = Set.of("schemaVersion", "name", "description", "source", "target",
            "rules");
    static final Set<String> RULE_KEYS = Set.of("target", "from", "value", "expression", "forEach", "rules",
            "pipe", "valueMap", "lookup", "default", "when", "description", "where", "sortBy", "groupBy");
    /** The keys only a forEach rule has (it shapes its list with them). */
    private static final List<String> LOOP_KEYS = List.of("where", "sortBy", "groupBy");
    private static final Set<String> SORT_KEY_KEYS = Set.of("path", "descending");
    private static final List<String> SOURCE_KEYS = List.of("from", "value", "expression", "forEach");
    private static final Set<String> STEP_KEYS = Set.of("fn", "args");
    private static final Set<String> WHEN_KEYS = Set.of("from", "fn", "args", "expression");
    private static final Set<String> SIDE_KEYS = Set.of("schema");
    private static final String WHEN_SHAPE = "must be {\"from\": path, \"fn\": predicate} or {\"expression\": \"JS\"}";

    private MappingJson() {
    }

    /**
     * What {@link #read} made of a mapping's JSON form: the document (without the parts that could not be read when
     * there are errors) and every problem of the form.
     */
    public static final class Reading {

        private final MappingDocument document;
        private final List<MappingProblem> problems;
        private final Map<Object, String> paths;

        private Reading(MappingDocument document, List<MappingProblem> problems, Map<Object, String> paths) {
            this.document = document;
            this.problems = List.copyOf(problems);
            this.paths = paths;
        }

        public MappingDocument document() {
            return document;
        }

        public List<MappingProblem> problems() {
            return problems;
        }

        public boolean hasErrors() {
            return problems.stream().anyMatch(MappingProblem::isError);
        }

        /**
         * The document.
         *
         * @throws MappingDefinitionException listing the problems when the form has errors
         */
        public MappingDocument orThrow() {
            if (hasErrors()) {
                throw new MappingDefinitionException(problems);
            }
            return document;
        }

        /**
         * The JSON path a rule, pipe step or sort key of {@link #document()} was read from (rules the reader left out do not
         * shift the paths of those after them); null for anything else.
         */
        String pathOf(Object part) {
            return paths.get(part);
        }
    }

    /** Reads the JSON form of a mapping (see {@link Reading}). */
    public static Reading read(Object json) {
        Reader reader = new Reader();
        MappingDocument document;
        if (json instanceof Map<?, ?> map) {
            document = reader.document(map);
        } else {
            reader.error("", "WrongType", "a mapping is a JSON object with schemaVersion, source, target and rules");
            document = MappingDocument.of(List.of());
        }
        return new Reading(document, reader.problems, reader.paths);
    }

    /** Reads JSON text; invalid JSON is a problem at the root. */
    public static Reading read(String json) {
        Object parsed;
        try {
            parsed = PayloadJson.read(json);
        } catch (IllegalArgumentException e) {
            return new Reading(MappingDocument.of(List.of()), List.of(MappingProblem.error("", "InvalidJson",
                    "is not valid JSON: " + e.getMessage())), Map.of());
        }
        return read(parsed);
    }

    /** The JSON form of a document (keys in a fixed order; what the document does not have is left out). */
    public static Map<String, Object> write(MappingDocument document) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemaVersion", (long) document.schemaVersion());
        putIfPresent(json, "name", document.name());
        putIfPresent(json, "description", document.description());
        if (document.source() != null) {
            json.put("source", side(document.source()));
        }
        if (document.target() != null) {
            json.put("target", side(document.target()));
        }
        json.put("rules", rules(document.rules()));
        return json;
    }

    /** The JSON form of one rule (a forEach rule with its nested rules). */
    public static Map<String, Object> write(Rule rule) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", rule.target());
        putIfPresent(json, "description", rule.description());
        switch (rule) {
            case Rule.ValueRule value -> {
                switch (value.source()) {
                    case Source.Path path -> json.put("from", path.path());
                    case Source.Paths paths -> json.put("from", paths.paths());
                    case Source.Constant constant -> json.put("value", constant.value());
                    case Source.Expression expression -> json.put("expression", expression.expression());
                }
                if (!value.pipe().isEmpty()) {
                    json.put("pipe", value.pipe().stream().map(MappingJson::step).toList());
                }
                switch (value.valueMap()) {
                    case null -> {
                    }
                    case ValueMapUse.Named named -> json.put("valueMap", named.name());
                    case ValueMapUse.Inline inline -> json.put("valueMap", inline.definition());
                }
                putIfPresent(json, "lookup", value.lookup());
                if (value.fallback() != null) {
                    json.put("default", value.fallback().value());
                }
            }
            case Rule.ForEachRule each -> {
                json.put("forEach", each.forEach());
                if (each.where() != null) {
                    json.put("where", when(each.where()));
                }
                if (!each.sortBy().isEmpty()) {
                    json.put("sortBy", each.sortBy().stream().map(MappingJson::sortKey).toList());
                }
                putIfPresent(json, "groupBy", each.groupBy());
            }
        }
        if (rule.when() != null) {
            json.put("when", when(rule.when()));
        }
        if (rule instanceof Rule.ForEachRule each) {
            json.put("rules", rules(each.rules()));
        }
        return json;
    }

    /** The JSON Schema of the form ({@code GET /api/v1/schemas/mapping.json}). */
    public static Map<String, Object> schema() {
        return MappingSchema.SCHEMA;
    }

    /** {@link #schema()} as JSON text. */
    public static String schemaJson() {
        return MappingSchema.TEXT;
    }

    private static List<Object> rules(List<Rule> rules) {
        List<Object> json = new ArrayList<>(rules.size());
        rules.forEach(rule -> json.add(write(rule)));
        return json;
    }

    private static Map<String, Object> side(SchemaReference reference) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema", switch (reference) {
            case SchemaReference.ById id -> id.id();
            case SchemaReference.Inline inline -> inline.schema();
        });
        return json;
    }

    /** The JSON form of one pipe step ({@code {"fn": …, "args": […]}}, args left out when there are none). */
    public static Map<String, Object> write(PipeStep step) {
        return step(step);
    }

    private static Map<String, Object> step(PipeStep step) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fn", step.fn());
        if (!step.args().isEmpty()) {
            json.put("args", step.args().stream().map(MappingJson::argument).toList());
        }
        return json;
    }

    private static Object argument(PipeStep.Argument argument) {
        return switch (argument) {
            case PipeStep.Argument.Constant constant -> constant.value();
            case PipeStep.Argument.FromPath from -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("from", from.path());
                yield json;
            }
        };
    }

    private static Map<String, Object> sortKey(SortKey key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", key.path());
        if (key.descending()) {
            json.put("descending", true);
        }
        return json;
    }

    private static Map<String, Object> when(When when) {
        Map<String, Object> json = new LinkedHashMap<>();
        switch (when) {
            case When.Expression expression -> json.put("expression", expression.expression());
            case When.Test test -> {
                json.put("from", test.from());
                if (test.test() != null) {
                    json.putAll(step(test.test()));
                }
            }
        }
        return json;
    }

    /** " (did you mean 'valueMap'?)" when a known key is at most two edits away (case aside) from {@code key}. */
    private static String similar(Object key, Set<String> known) {
        String given = String.valueOf(key).toLowerCase(Locale.ROOT);
        return known.stream().sorted().filter(name -> EditDistance.between(name.toLowerCase(Locale.ROOT), given) <= 2)
                .findFirst().map(name -> " (did you mean '" + name + "'?)").orElse("");
    }

    private static void putIfPresent(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    /** One reading: the problems found so far and where each rule and step came from. */
    private static final class Reader {

        final List<MappingProblem> problems = new ArrayList<>();
        final Map<Object, String> paths = new IdentityHashMap<>();

        void error(String path, String code, String message) {
            problems.add(MappingProblem.error(path, code, message));
        }

        void warning(String path, String code, String message) {
            problems.add(MappingProblem.warning(path, code, message));
        }

        MappingDocument document(Map<?, ?> json) {
            for (Object key : json.keySet()) {
                if (!ROOT_KEYS.contains(key)) {
                    error(String.valueOf(key), "UnknownField", "unknown field" + similar(key, ROOT_KEYS)
                            + "; a mapping has " + String.join(", ", new TreeSet<>(ROOT_KEYS)));
                }
            }
            if (!(json.get("schemaVersion") instanceof Number version) || version.intValue() != 1
                    || version.doubleValue() != 1) {
                error("schemaVersion", "Required", "must be " + MappingDocument.CURRENT_VERSION);
            }
            String name = text(json, "name", "name");
            String description = text(json, "description", "description");
            SchemaReference source = side(json.get("source"), "source");
            SchemaReference target = side(json.get("target"), "target");
            List<Rule> rules;
            if (json.get("rules") instanceof List<?> list) {
                rules = rules(list, "rules");
            } else {
                error("rules", "Required", "must be a list of rules");
                rules = List.of();
            }
            return new MappingDocument(MappingDocument.CURRENT_VERSION, name, description, source, target, rules);
        }

        /** Optional text; anything else is a warning and left out. */
        private String text(Map<?, ?> json, String key, String path) {
            Object value = json.get(key);
            if (value == null || value instanceof String) {
                return (String) value;
            }
            warning(path, "WrongType", "must be text; left out");
            return null;
        }

        private SchemaReference side(Object side, String path) {
            if (side == null) {
                return null;
            }
            if (!(side instanceof Map<?, ?> map) || !map.containsKey("schema")) {
                error(path, "WrongType", "must be an object with a 'schema': a shipped schema's id or a JSON Schema");
                return null;
            }
            unknownKeys(map, SIDE_KEYS, path, "a source or target has only 'schema'");
            Object schema = map.get("schema");
            if (schema instanceof String id) {
                return new SchemaReference.ById(id);
            }
            if (schema instanceof Map<?, ?> inline && inline.keySet().stream().allMatch(String.class::isInstance)) {
                @SuppressWarnings("unchecked")
                Map<String, ?> document = (Map<String, ?>) inline;
                return new SchemaReference.Inline(Collections.unmodifiableMap(document));
            }
            error(path + ".schema", "WrongType", "must be a schema id (e.g. \"sp-api/Order\") or a JSON Schema object");
            return null;
        }

        /** Keys a closed object of the form does not have: warnings (they were ignored before the model existed). */
        private void unknownKeys(Map<?, ?> json, Set<String> known, String path, String expected) {
            for (Object key : json.keySet()) {
                if (!known.contains(key)) {
                    warning(path + "." + key, "UnknownField", "unknown field, ignored" + similar(key, known) + "; "
                            + expected);
                }
            }
        }

        private List<Rule> rules(List<?> list, String path) {
            List<Rule> rules = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                String at = path + "[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?> json)) {
                    error(at, "WrongType", "a rule must be an object with a 'target'");
                    continue;
                }
                Rule rule = rule(json, at);
                if (rule != null) {
                    paths.put(rule, at);
                    rules.add(rule);
                }
            }
            return rules;
        }

        private Rule rule(Map<?, ?> json, String at) {
            for (Object key : json.keySet()) {
                if (!RULE_KEYS.contains(key)) {
                    error(at + "." + key, "UnknownField", "unknown field" + similar(key, RULE_KEYS) + "; a rule has"
                            + " target, one of from / value / expression / forEach, and optionally pipe, valueMap,"
                            + " lookup, default, when; a forEach rule also where, sortBy, groupBy");
                }
            }
            if (!(json.get("target") instanceof String target)) {
                error(at + ".target", "Required", "must be a dotted path of field names, like"
                        + " \"billingAddress.address1\"");
                return null;
            }
            List<String> sources = SOURCE_KEYS.stream().filter(json::containsKey).toList();
            if (sources.size() != 1) {
                error(at, "Source", sources.isEmpty() ? "needs one of from, value, expression, forEach"
                        : "has " + String.join(" and ", sources) + ": a rule takes exactly one of them");
                return null;
            }
            String description = text(json, "description", at + ".description");
            // a part that cannot be read is left out of the rule (the problem is reported, so the document is never
            // run): the rest of the rule is still read and checked
            When when = json.containsKey("when") ? when(json.get("when"), at + ".when") : null;
            if (json.containsKey("forEach")) {
                return forEach(json, at, target, when, description);
            }
            if (json.containsKey("rules")) {
                warning(at + ".rules", "Ignored", "only a forEach rule has nested rules; ignored");
            }
            for (String key : LOOP_KEYS) {
                if (json.containsKey(key)) {
                    warning(at + "." + key, "Ignored", "only a forEach rule has '" + key + "' (it shapes the list);"
                            + " ignored");
                }
            }
            Source source = source(json, at);
            List<PipeStep> pipe = pipe(json.get("pipe"), at + ".pipe");
            ValueMapUse valueMap = json.containsKey("valueMap") ? valueMap(json.get("valueMap"), at + ".valueMap")
                    : null;
            String lookup = null;
            if (json.containsKey("lookup")) {
                if (json.get("lookup") instanceof String table && !table.isBlank()) {
                    lookup = table;
                } else {
                    error(at + ".lookup", "WrongType", "must be the name of a lookup table");
                }
            }
            DefaultValue fallback = json.containsKey("default") ? new DefaultValue(json.get("default")) : null;
            return source == null ? null : new Rule.ValueRule(target, source, pipe == null ? List.of() : pipe, valueMap,
                    lookup, fallback, when, description);
        }

        private Rule forEach(Map<?, ?> json, String at, String target, When when, String description) {
            for (String key : List.of("pipe", "valueMap", "lookup", "default")) {
                if (json.containsKey(key)) {
                    warning(at + "." + key, "Ignored", "a forEach rule fills its list by its nested rules; '" + key
                            + "' is ignored");
                }
            }
            String items = json.get("forEach") instanceof String text ? text : null;
            if (items == null) {
                error(at + ".forEach", "WrongType", "must be the source path of a list");
            }
            if (!(json.get("rules") instanceof List<?> nested)) {
                error(at + ".rules", "Required", "a forEach rule needs the rules that fill each element");
                return null;
            }
            When where = json.containsKey("where") ? when(json.get("where"), at + ".where") : null;
            List<SortKey> sortBy = json.containsKey("sortBy") ? sortBy(json.get("sortBy"), at + ".sortBy") : List.of();
            String groupBy = null;
            if (json.containsKey("groupBy")) {
                if (json.get("groupBy") instanceof String path && !path.isBlank()) {
                    groupBy = path;
                } else {
                    error(at + ".groupBy", "WrongType", "must be the source path (relative to the element) whose"
                            + " values group the elements, like \"SellerSKU\"");
                }
            }
            List<Rule> rules = rules(nested, at + ".rules");
            return items == null ? null : new Rule.ForEachRule(target, items, rules, when, description, where,
                    sortBy, groupBy);
        }

        /** The keys of a sortBy (those that can be read). */
        private List<SortKey> sortBy(Object json, String at) {
            if (!(json instanceof List<?> list)) {
                error(at, "WrongType", "must be a list of {\"path\": source path, \"descending\": true|false}");
                return List.of();
            }
            List<SortKey> keys = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String keyAt = at + "[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?> entry)) {
                    error(keyAt, "WrongType", "must be {\"path\": source path, \"descending\": true|false}");
                    continue;
                }
                boolean readable = true;
                for (Object key : entry.keySet()) {
                    if (!SORT_KEY_KEYS.contains(key)) {
                        error(keyAt + "." + key, "UnknownField", "unknown field" + similar(key, SORT_KEY_KEYS)
                                + "; a sort key has path and descending");
                        readable = false;
                    }
                }
                Object descending = entry.get("descending");
                if (descending != null && !(descending instanceof Boolean)) {
                    error(keyAt + ".descending", "WrongType", "must be true or false");
                    readable = false;
                }
                if (!entry.containsKey("path")) {
                    error(keyAt + ".path", "Required", "a sort key needs the source path it sorts by");
                } else if (!(entry.get("path") instanceof String path) || path.isBlank()) {
                    error(keyAt + ".path", "WrongType", "must be a source path relative to the element, like"
                            + " \"SellerSKU\"");
                } else if (readable) {
                    SortKey key = new SortKey(path, Boolean.TRUE.equals(descending));
                    paths.put(key, keyAt);
                    keys.add(key);
                }
            }
            return keys;
        }

        private Source source(Map<?, ?> json, String at) {
            if (json.containsKey("value")) {
                return new Source.Constant(json.get("value"));
            }
            if (json.containsKey("expression")) {
                if (json.get("expression") instanceof String expression) {
                    return new Source.Expression(expression);
                }
                error(at + ".expression", "WrongType", "must be a JavaScript expression over source, root, index");
                return null;
            }
            Object from = json.get("from");
            if (from instanceof String path) {
                return new Source.Path(path);
            }
            if (from instanceof List<?> list && !list.isEmpty()) {
                List<String> paths = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof String path) {
                        paths.add(path);
                    } else {
                        error(at + ".from[" + i + "]", "WrongType", "must be a source path");
                    }
                }
                return paths.size() == list.size() ? new Source.Paths(paths) : null;
            }
            error(at + ".from", "WrongType", "must be a source path or a list of them");
            return null;
        }

        /** The steps of a pipe (those that can be read); null when it is not a list. */
        private List<PipeStep> pipe(Object pipe, String at) {
            if (pipe == null) {
                return List.of();
            }
            if (!(pipe instanceof List<?> list)) {
                error(at, "WrongType", "must be a list of {\"fn\": name, \"args\": [...]}");
                return null;
            }
            List<PipeStep> steps = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String stepAt = at + "[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?> json)) {
                    error(stepAt + ".fn", "Required", "each step names a function: {\"fn\": \"trim\"}");
                    continue;
                }
                unknownKeys(json, STEP_KEYS, stepAt, "a step has fn and args");
                PipeStep step = step(json.get("fn"), json.get("args"), stepAt);
                if (step != null) {
                    paths.put(step, stepAt);
                    steps.add(step);
                }
            }
            return steps;
        }

        private PipeStep step(Object fn, Object args, String at) {
            if (!(fn instanceof String name)) {
                error(at + ".fn", "Required", "each step names a function: {\"fn\": \"trim\"}");
                return null;
            }
            if (args != null && !(args instanceof List<?>)) {
                error(at + ".args", "WrongType", "must be a list of arguments");
                return null;
            }
            List<PipeStep.Argument> arguments = new ArrayList<>();
            for (Object arg : args == null ? List.of() : (List<?>) args) {
                arguments.add(arg instanceof Map<?, ?> ref && ref.size() == 1 && ref.get("from") instanceof String path
                        ? new PipeStep.Argument.FromPath(path) : new PipeStep.Argument.Constant(arg));
            }
            return new PipeStep(name, arguments);
        }

        private ValueMapUse valueMap(Object valueMap, String at) {
            if (valueMap instanceof String name) {
                return new ValueMapUse.Named(name);
            }
            if (valueMap instanceof Map<?, ?> inline) {
                try {
                    ValueMap.fromJson("inline", inline);
                    @SuppressWarnings("unchecked")
                    Map<String, ?> definition = (Map<String, ?>) inline;
                    return new ValueMapUse.Inline(Collections.unmodifiableMap(definition));
                } catch (IllegalArgumentException e) {
                    error(at, "InvalidValueMap", e.getMessage());
                    return null;
                }
            }
            error(at, "WrongType", "must be a value map's name or {\"entries\": {...}, \"unmapped\": ...}");
            return null;
        }

        /** The condition; null when it cannot be read (the problem is reported). */
        private When when(Object json, String at) {
            if (!(json instanceof Map<?, ?> condition)) {
                error(at, "WrongType", WHEN_SHAPE);
                return null;
            }
            unknownKeys(condition, WHEN_KEYS, at, "a condition has from, fn and args, or expression");
            if (condition.get("expression") instanceof String expression) {
                for (String key : List.of("from", "fn", "args")) {
                    if (condition.containsKey(key)) {
                        warning(at + "." + key, "Ignored", "a condition with an expression is that expression;"
                                + " '" + key + "' is ignored");
                    }
                }
                return new When.Expression(expression);
            }
            if (!(condition.get("from") instanceof String from)) {
                error(at, "WrongType", WHEN_SHAPE);
                return null;
            }
            if (!condition.containsKey("fn")) {
                if (condition.containsKey("args")) {
                    warning(at + ".args", "Ignored", "arguments without a function ('fn') are ignored");
                }
                return new When.Test(from, null);
            }
            PipeStep test = step(condition.get("fn"), condition.get("args"), at);
            if (test == null) {
                return null;
            }
            paths.put(test, at);
            return new When.Test(from, test);
        }
    }
}
