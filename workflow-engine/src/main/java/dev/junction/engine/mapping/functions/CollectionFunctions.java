package dev.junction.engine.mapping.functions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.junction.engine.mapping.functions.FunctionParameter.optional;
import static dev.junction.engine.mapping.functions.FunctionParameter.optionalVariadic;
import static dev.junction.engine.mapping.functions.FunctionParameter.required;

/** Lists and logic: sum, count, first, join, filter, coalesce, if/else, arithmetic, comparisons. */
final class CollectionFunctions {

    private CollectionFunctions() {
    }

    static List<Fn> all() {
        return List.of(
                Fn.of("sum", Fn.takes("array", "number",
                                optional("field", "string", "the field of each object to add up (default: the"
                                + " elements themselves)")),
                        "The exact sum of a list of numbers, or of the field given of a list of objects;"
                        + " nothing in the list counts as 0; an empty list sums to 0.", (input, args, context) -> {
                            List<?> list = Values.list("sum", input);
                            if (list == null) {
                                return null;
                            }
                            BigDecimal total = BigDecimal.ZERO;
                            for (Object element : list) {
                                BigDecimal value = Values.decimal("sum", args.isEmpty() ? element
                                        : field(element, Values.text("sum", args.getFirst())));
                                total = value == null ? total : total.add(value);
                            }
                            return total;
                        }),
                Fn.of("count", Fn.takes("array", "integer"),
                        "How many elements the list has (nothing: 0).", (input, args, context) -> {
                    List<?> list = Values.list("count", input);
                    return list == null ? 0L : (long) list.size();
                }),
                Fn.of("first", Fn.takes("array", "any"),
                        "The first element of a list (nothing when empty).", (input, args, context) -> {
                    List<?> list = Values.list("first", input);
                    return list == null || list.isEmpty() ? null : list.getFirst();
                }),
                Fn.of("last", Fn.takes("array", "any"),
                        "The last element of a list (nothing when empty).", (input, args, context) -> {
                    List<?> list = Values.list("last", input);
                    return list == null || list.isEmpty() ? null : list.getLast();
                }),
                Fn.of("join", Fn.takes("array", "string",
                                required("separator", "string", "what goes between the elements")),
                        "The elements of a list as text joined by the separator given; empty elements"
                        + " are skipped.", (input, args, context) -> {
                            List<?> list = Values.list("join", input);
                            if (list == null) {
                                return null;
                            }
                            String joined = Values.joinNonEmpty("join", list, Values.text("join", args.getFirst()));
                            return joined == null ? "" : joined;
                        }),
                Fn.of("filter", Fn.takes("array", "array",
                                required("field", "string", "the field of each object to compare"),
                                required("value", "any", "the value it must equal")),
                        "The objects of a list whose field (first argument) equals the value given.",
                        (input, args, context) -> {
                            List<?> list = Values.list("filter", input);
                            if (list == null) {
                                return null;
                            }
                            String name = Values.text("filter", args.get(0));
                            return list.stream().filter(element -> same(field(element, name), args.get(1))).toList();
                        }),
                Fn.of("pluck", Fn.takes("array", "array",
                                required("field", "string", "the field to take of each object")),
                        "The field given of each object of a list.", (input, args, context) -> {
                    List<?> list = Values.list("pluck", input);
                    String name = Values.text("pluck", args.getFirst());
                    return list == null ? null : list.stream().map(element -> field(element, name)).toList();
                }),
                Fn.of("field", Fn.takes("object", "any", required("name", "string", "the field to take")),
                        "The field given of an object (nothing when absent or not an object).",
                        (input, args, context) -> field(Values.object("field", input), Values.text("field",
                                args.getFirst()))),
                Fn.of("flatten", Fn.takes("array", "array"),
                        "A list of lists as one list (elements that are not lists are kept).",
                        (input, args, context) -> {
                            List<?> list = Values.list("flatten", input);
                            if (list == null) {
                                return null;
                            }
                            List<Object> flat = new ArrayList<>();
                            for (Object element : list) {
                                if (element instanceof List<?> inner) {
                                    flat.addAll(inner);
                                } else {
                                    flat.add(element);
                                }
                            }
                            return flat;
                        }),
                Fn.of("distinct", Fn.takes("array", "array"),
                        "The list without repeated elements, in first-seen order.",
                        (input, args, context) -> {
                            List<?> list = Values.list("distinct", input);
                            return list == null ? null : List.copyOf(new LinkedHashSet<>(list));
                        }),
                Fn.of("coalesce", Fn.takes("any", "any",
                                optionalVariadic("alternatives", "any", "the values to fall back on, in order")),
                        "The first of the input and the arguments that is not nothing"
                        + " or empty text; when the input is a list (a rule with several sources), the first such element.",
                        (input, args, context) -> {
                            List<Object> candidates = new ArrayList<>();
                            if (input instanceof List<?> list && args.isEmpty()) {
                                candidates.addAll(list);
                            } else {
                                candidates.add(input);
                            }
                            candidates.addAll(args);
                            return candidates.stream().filter(value -> !Values.isEmpty(value)).findFirst().orElse(null);
                        }),
                Fn.of("ifElse", Fn.takes("any", "any",
                                required("then", "any", "the result when the input is true"),
                                required("else", "any", "the result otherwise")),
                        "The first argument when the input is true (true, non-empty text other than"
                        + " \"false\", a non-zero number), else the second.",
                        (input, args, context) -> truthy(input) ? args.get(0) : args.get(1)),
                Fn.of("default", Fn.takes("any", "any",
                                required("value", "any", "the result when the input is nothing or empty text")),
                        "The argument when the input is nothing or empty text.",
                        (input, args, context) -> Values.isEmpty(input) ? args.getFirst() : input),
                Fn.of("isEmpty", Fn.takes("any", "boolean"),
                        "Whether the value is nothing, blank text or an empty list.",
                        (input, args, context) -> Values.isEmpty(input)),
                Fn.of("isNotEmpty", Fn.takes("any", "boolean"),
                        "Whether the value is something other than blank text or an empty list.",
                        (input, args, context) -> !Values.isEmpty(input)),
                Fn.of("equals", Fn.takes("any", "boolean", required("value", "any", "what the input is compared with")),
                        "Whether the value equals the argument (numbers by value, text exactly).",
                        (input, args, context) -> same(input, args.getFirst())),
                Fn.of("notEquals", Fn.takes("any", "boolean",
                                required("value", "any", "what the input is compared with")),
                        "Whether the value differs from the argument.",
                        (input, args, context) -> !same(input, args.getFirst())),
                Fn.of("add", Fn.takes("any", "number", required("operand", "number", "the number to add")),
                        "The sum of the input and the argument.", (input, args, context) ->
                        arithmetic("add", input, args.getFirst(), BigDecimal::add)),
                Fn.of("subtract", Fn.takes("any", "number", required("operand", "number", "the number to subtract")),
                        "The input minus the argument.", (input, args, context) ->
                        arithmetic("subtract", input, args.getFirst(), BigDecimal::subtract)),
                Fn.of("multiply", Fn.takes("any", "number", required("operand", "number", "the number to multiply by")),
                        "The product of the input and the argument.", (input, args, context) ->
                        arithmetic("multiply", input, args.getFirst(), BigDecimal::multiply)),
                Fn.of("divide", Fn.takes("any", "number",
                                required("divisor", "number", "the number to divide by (not 0)"),
                                optional("scale", "integer", "the decimals to keep (default 2)")),
                        "The input divided by the argument, rounded half-even to the decimals given"
                        + " (default 2); dividing by 0 fails.", (input, args, context) -> {
                            BigDecimal divisor = Values.decimal("divide", args.getFirst());
                            if (divisor != null && divisor.signum() == 0) {
                                throw new FunctionException("DivisionByZero", "divide: the divisor is 0");
                            }
                            int scale = args.size() > 1 ? Values.scale("divide", args.get(1)) : 2;
                            return arithmetic("divide", input, divisor,
                                    (a, b) -> a.divide(b, scale, java.math.RoundingMode.HALF_EVEN));
                        }));
    }

    static Object field(Object element, String name) {
        return element instanceof Map<?, ?> map ? map.get(name) : null;
    }

    static boolean same(Object a, Object b) {
        if (a instanceof Number || b instanceof Number) {
            try {
                BigDecimal x = Values.decimal("equals", a);
                BigDecimal y = Values.decimal("equals", b);
                return x != null && y != null && x.compareTo(y) == 0;
            } catch (FunctionException e) {
                return false;
            }
        }
        return Objects.equals(a, b);
    }

    static boolean truthy(Object value) {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            case String s -> !s.isEmpty() && !s.equalsIgnoreCase("false");
            case Double d -> d != 0 && !d.isNaN();
            case Float f -> f != 0 && !f.isNaN();
            case Number n -> new BigDecimal(n.toString()).signum() != 0;
            default -> true;
        };
    }

    private static Object arithmetic(String name, Object a, Object b,
                                     java.util.function.BinaryOperator<BigDecimal> operation) {
        BigDecimal x = Values.decimal(name, a);
        BigDecimal y = Values.decimal(name, b);
        if (x == null || y == null) {
            return null;
        }
        BigDecimal result = operation.apply(x, y);
        if (a instanceof Long && (b instanceof Long || b instanceof Integer) && result.scale() <= 0) {
            try {
                return result.longValueExact();
            } catch (ArithmeticException beyondALong) {
                return result;
            }
        }
        return result;
    }
}
