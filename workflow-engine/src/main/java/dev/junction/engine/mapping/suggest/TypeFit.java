package dev.junction.engine.mapping.suggest;

import dev.junction.engine.mapping.ValueMapCatalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a source field's values fit a target field, as a factor in [0, 1] on the confidence, and the pipeline
 * (built-in functions only, with their arities) that makes them fit: a decimal-text amount → integer minor units
 * is {@code toMinorUnits} with the currency path; a number → decimal text is {@code formatDecimal(2)}; a date →
 * date-time {@code toIsoDateTime}; "true"/"false" text → boolean {@code isTrue}; text that may be longer than the
 * target's maxLength {@code truncate}; a country into a two-letter field {@code countryToIso2}. Factor 0: they do not
 * fit (an object into text, a list into a number).
 */
record TypeFit(double factor, List<Map<String, Object>> pipe, String valueMap, List<String> reasons) {

    private static final Set<String> MONEY_WORDS = Set.of("amount", "total", "price", "value", "cost");
    /** Values that are wrong once cut: ids, codes, references, e-mail addresses, phone numbers. */
    private static final Set<String> UNCUT_WORDS = Set.of("id", "code", "key", "number", "reference", "sku", "asin",
            "email", "phone", "zip");
    private static final int CODE_LENGTH = 3;
    private static final Set<String> DATE_WORDS = Set.of("date", "time", "created", "modified", "updated", "placed",
            "submit", "submitted", "shipped", "fulfilled", "timestamp");

    static final TypeFit NONE = new TypeFit(0, List.of(), null, List.of());

    /**
     * @param derivedFn  a function the names asked for (firstName), first in the pipe
     * @param currencies the fields a currency may be read from (the scope's, then the record's)
     * @param valueMaps  the value maps a target that takes only some values may be filled through
     */
    static TypeFit of(Field target, Field source, String derivedFn, List<Field> currencies,
                      ValueMapCatalog valueMaps) {
        Builder fit = new Builder(target, source, valueMaps);
        if (derivedFn != null) {
            fit.step(derivedFn);
        }
        String to = target.type();
        String from = source.kind() == Field.Kind.INDEX ? "integer" : source.type();
        if (to.equals("any") || from.equals("any")) {
            fit.factor(0.9, null);
        } else if (to.equals("array") || from.equals("array")) {
            arrays(fit, target, source, to, from);
        } else if (to.equals("object") || from.equals("object")) {
            fit.factor(to.equals(from) ? 1 : 0, null);
        } else {
            scalars(fit, target, source, to, from, currencies);
        }
        if (fit.factor > 0) {
            enums(fit, target, source, to, from);
            if (to.equals("string")) {
                text(fit, target, source);
            }
        }
        return fit.build();
    }

    private static void arrays(Builder fit, Field target, Field source, String to, String from) {
        if (to.equals("array") && from.equals("array")) {
            String targetItems = target.schema().items().map(items -> new Field("", "", target.name(), items,
                    Field.Kind.LEAF, false).type()).orElse("any");
            String sourceItems = source.schema().items().map(items -> new Field("", "", source.name(), items,
                    Field.Kind.LEAF, false).type()).orElse("any");
            fit.factor(targetItems.equals(sourceItems) || targetItems.equals("any") ? 1 : 0.7,
                    targetItems.equals(sourceItems) ? null : "list of " + sourceItems + " → list of " + targetItems);
        } else if (to.equals("string") && source.schema().items().map(items -> items.types().contains("string"))
                .orElse(false)) {
            fit.step("join", ", ");
            fit.factor(0.6, "list → text: join");
        } else {
            fit.factor(0, null);
        }
    }

    private static void scalars(Builder fit, Field target, Field source, String to, String from,
                                List<Field> currencies) {
        if (to.equals(from)) {
            return;
        }
        boolean targetMinor = to.equals("integer") && (target.description().contains("minor")
                || target.name().leaf().stream().anyMatch(MONEY_WORDS::contains));
        boolean sourceMinor = from.equals("integer") && source.description().contains("minor");
        switch (to + "←" + from) {
            case "integer←string", "integer←number" -> {
                if (targetMinor && isMoney(source)) {
                    Optional<Field> currency = currency(source, currencies);
                    if (currency.isPresent()) {
                        fit.step("toMinorUnits", Map.of("from", currency.get().path()));
                        fit.factor(1, "type " + from + " → integer needs toMinorUnits (currency from "
                                + currency.get().path() + ")");
                    } else {
                        fit.factor(0.5, "type " + from + " → integer minor units needs toMinorUnits and a currency;"
                                + " none found in the source");
                    }
                } else if (from.equals("string") && (target.schema().enumeration().isPresent()
                        || source.schema().enumeration().filter(TypeFit::words).isPresent())) {
                    if (!fit.valueMap()) {
                        fit.factor(0.65, "text → integer code: needs a value map");
                    }
                } else {
                    fit.step("toInteger");
                    fit.factor(from.equals("number") ? 0.9 : 0.8, "type " + from + " → integer: toInteger");
                }
            }
            case "number←integer" -> fit.factor(1, null);
            case "number←string" -> {
                fit.step("toNumber");
                fit.factor(0.85, "type string → number: toNumber");
            }
            case "string←integer", "string←number" -> {
                if (sourceMinor && isMoney(target)) {
                    Optional<Field> currency = currency(source, currencies);
                    if (currency.isPresent()) {
                        fit.step("fromMinorUnits", Map.of("from", currency.get().path()));
                        fit.factor(1, "minor units → decimal: fromMinorUnits (currency from "
                                + currency.get().path() + ")");
                        return;
                    }
                }
                if (isMoney(target) && from.equals("number")) {
                    fit.step("formatDecimal", 2);
                    fit.factor(0.95, "type number → decimal text: formatDecimal(2)");
                } else if (target.format().filter(f -> f.startsWith("date")).isPresent() && from.equals("integer")) {
                    fit.step("fromEpochSeconds");
                    fit.factor(0.7, "integer → date-time: read as epoch seconds");
                } else {
                    fit.step("toString");
                    fit.factor(0.9, "type " + from + " → text: toString");
                }
            }
            case "string←boolean" -> {
                fit.step("toString");
                fit.factor(0.6, "type boolean → text: toString");
            }
            case "boolean←string", "boolean←integer" -> {
                fit.step("isTrue");
                fit.factor(source.schema().types().contains("boolean") ? 0.95 : 0.8,
                        "boolean from " + from + " (\"true\"/\"false\", yes/no, 1/0): isTrue");
            }
            default -> fit.factor(0, null);
        }
    }

    private static void enums(Builder fit, Field target, Field source, String to, String from) {
        Optional<List<?>> targetValues = target.schema().enumeration();
        if (targetValues.isEmpty() || fit.reasons.stream().anyMatch(r -> r.contains("value map"))) {
            return;
        }
        Optional<List<?>> sourceValues = source.schema().enumeration();
        if (sourceValues.isPresent()) {
            Set<String> known = new java.util.HashSet<>(targetValues.get().stream().map(TypeFit::plain).toList());
            long shared = sourceValues.get().stream().map(TypeFit::plain).filter(known::contains).count();
            if (shared * 2 >= sourceValues.get().size()) {
                return;
            }
        }
        if (!fit.valueMap()) {
            fit.factor(0.7, "the target takes only " + targetValues.get().size() + " values: add a value map");
        }
    }

    /** Whether a list of values has one that is not a number (statuses such as "Shipped"). */
    private static boolean words(List<?> values) {
        return values.stream().anyMatch(value -> !String.valueOf(value).matches("-?\\d+(\\.\\d+)?"));
    }

    /** A value by its letters and digits, case aside ({@code COMPLETE_PARTIALLED} is {@code CompletePartialled}). */
    static String plain(Object value) {
        return String.valueOf(value).replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static void text(Builder fit, Field target, Field source) {
        Optional<String> format = target.format();
        Optional<String> sourceFormat = source.format();
        if (format.filter(f -> f.equals("date-time")).isPresent() && !sourceFormat.equals(format)
                && !fit.has("fromEpochSeconds")) {
            fit.step("toIsoDateTime");
            boolean dated = sourceFormat.filter(f -> f.startsWith("date")).isPresent()
                    || source.name().all().stream().anyMatch(DATE_WORDS::contains);
            fit.factor(dated ? 0.9 : 0.6, "to an ISO date-time: toIsoDateTime");
            return;
        }
        if (format.filter(f -> f.equals("date")).isPresent() && sourceFormat.filter(f -> f.equals("date-time"))
                .isPresent()) {
            fit.step("formatDate", "yyyy-MM-dd");
            fit.factor(0.95, "date-time → date: formatDate(\"yyyy-MM-dd\")");
            return;
        }
        Optional<Integer> max = target.maxLength();
        boolean fixed = max.isPresent() && max.equals(target.minLength());
        List<String> words = target.name().leaf();
        if (fixed && max.get() == 2 && (words.contains("country") || target.description().contains("3166"))) {
            fit.step("countryToIso2");
            fit.factor(1, "country as ISO 3166 alpha-2: countryToIso2");
            return;
        }
        if (fixed && max.get() == 3 && words.contains("currency") && source.schema().enumeration().isEmpty()) {
            fit.step("upper");
            fit.factor(1, "currency code in capitals: upper");
            return;
        }
        if (max.isEmpty() || fixed || target.schema().enumeration().isPresent()) {
            return;
        }
        Optional<Integer> sourceMax = source.maxLength();
        boolean uncut = words.stream().anyMatch(UNCUT_WORDS::contains)
                || target.format().filter(f -> f.equals("email")).isPresent();
        if (sourceMax.isPresent() && sourceMax.get() <= max.get()) {
            return;
        }
        if (max.get() <= CODE_LENGTH) {
            fit.factor(0.9, "the target takes at most " + max.get() + " characters (a code): check the values");
        } else if (uncut) {
            fit.factor(0.95, "source may be longer than " + max.get() + ", and a cut " + target.name().leafPhrase()
                    + " would be wrong: check the lengths");
        } else {
            fit.step("truncate");
            fit.factor(1, "source may be longer than maxLength " + max.get() + ": truncate");
        }
    }

    /** A decimal amount by its description or name. */
    private static boolean isMoney(Field field) {
        return field.description().contains("decimal") || field.description().contains("amount")
                || field.name().all().stream().anyMatch(MONEY_WORDS::contains);
    }

    /** The currency next to an amount: a field with "currency" in its name, nearest by path, the scope's first. */
    private static Optional<Field> currency(Field amount, List<Field> candidates) {
        String parent = amount.path().contains(".") ? amount.path().substring(0, amount.path().lastIndexOf('.') + 1)
                : "";
        Field best = null;
        int bestScore = -1;
        for (Field candidate : candidates) {
            if (!candidate.isLeaf() || !candidate.name().all().contains("currency")
                    || !candidate.type().equals("string")) {
                continue;
            }
            int score = commonPrefix(parent, candidate.path()) * 2 + (candidate.kind() == Field.Kind.ROOT ? 0 : 1)
                    + (candidate.name().leaf().contains("id") ? -1 : 0);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static final class Builder {
        final Field target;
        final Field source;
        final ValueMapCatalog valueMaps;
        double factor = 1;
        final List<Map<String, Object>> pipe = new ArrayList<>();
        String valueMap;
        final List<String> reasons = new ArrayList<>();

        Builder(Field target, Field source, ValueMapCatalog valueMaps) {
            this.target = target;
            this.source = source;
            this.valueMaps = valueMaps;
        }

        /** Puts the value map that fits the target's values in, if there is one; whether there is. */
        boolean valueMap() {
            if (valueMap != null) {
                return true;
            }
            Optional<ValueMapChoice> choice = ValueMapChoice.best(target, source, valueMaps);
            choice.ifPresent(chosen -> {
                valueMap = chosen.name();
                factor(0.95, chosen.reason());
            });
            return choice.isPresent();
        }

        void step(String fn, Object... args) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("fn", fn);
            if (args.length > 0) {
                step.put("args", List.of(args));
            }
            pipe.add(step);
        }

        boolean has(String fn) {
            return pipe.stream().anyMatch(step -> fn.equals(step.get("fn")));
        }

        void factor(double times, String reason) {
            factor *= times;
            if (reason != null) {
                reasons.add(reason);
            }
        }

        TypeFit build() {
            return factor <= 0 ? NONE : new TypeFit(factor, List.copyOf(pipe), valueMap, List.copyOf(reasons));
        }
    }
}
