package dev.junction.engine.mapping.functions;

import dev.junction.engine.schema.KnownValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static dev.junction.engine.mapping.functions.FunctionParameter.optional;
import static dev.junction.engine.mapping.functions.FunctionParameter.required;
import static dev.junction.engine.mapping.functions.FunctionParameter.variadic;

/** Strings: trimming, case, cutting to a target's length (with a warning), joining, splitting, matching. */
final class TextFunctions {

    /**
     * Longer inputs are not matched against user patterns (a bound on a pattern's backtracking cost), and text is not
     * padded beyond it.
     */
    static final int MAX_TEXT_LENGTH = 10_000;

    private TextFunctions() {
    }

    static List<Fn> all() {
        return List.of(
                Fn.of("trim", Fn.takes("string", "string"),
                        "Removes leading and trailing white space.", text("trim", String::strip))
                        .givingText(),
                Fn.of("upper", Fn.takes("string", "string"),
                        "Upper case.", text("upper", s -> s.toUpperCase(Locale.ROOT))).givingText(),
                Fn.of("lower", Fn.takes("string", "string"),
                        "Lower case.", text("lower", s -> s.toLowerCase(Locale.ROOT))).givingText(),
                Fn.of("truncate", Fn.takes("string", "string",
                                optional("length", "integer", "the most characters to keep (default: the target"
                                + " field's maxLength)")),
                        "Cuts text to the length given or, without one, to the target field's"
                        + " maxLength, with a warning saying from and to what length.", TextFunctions::truncate)
                        .giving(TextFunctions::truncated),
                Fn.of("concat", Fn.takes("any", "string",
                                variadic("parts", "any", "what is appended, in order (nothing counts as empty text)")),
                        "Appends the arguments to the input (nothing counts as empty"
                        + " text).", (input, args, context) -> {
                            StringBuilder out = new StringBuilder(input == null ? "" : Values.text("concat", input));
                            for (Object arg : args) {
                                out.append(arg == null ? "" : Values.text("concat", arg));
                            }
                            return out.toString();
                        }).givingText(),
                Fn.of("prefix", Fn.takes("any", "string", required("text", "string", "what goes before the input")),
                        "Puts the argument before the input (nothing stays nothing).",
                        (input, args, context) -> input == null ? null
                                : Values.text("prefix", args.getFirst()) + Values.text("prefix", input)).givingText(),
                Fn.of("replace", Fn.takes("any", "string",
                                required("search", "string", "the text to replace (plain text)"),
                                required("replacement", "string", "what replaces it")),
                        "Replaces every occurrence of the first argument (plain text) by the second.",
                        (input, args, context) -> input == null ? null : Values.text("replace", input)
                                .replace(Values.text("replace", args.get(0)), Values.text("replace", args.get(1))))
                        .givingText(),
                Fn.of("substring", Fn.takes("any", "string",
                                required("start", "integer", "the first character's index (0-based)"),
                                optional("end", "integer", "the index after the last character (default: the end)")),
                        "The text from index start (0-based) to end (exclusive, default: the end);"
                        + " indexes beyond the text are clamped.", TextFunctions::substring).givingText(),
                Fn.of("padLeft", Fn.takes("any", "string",
                                required("length", "integer", "the length to pad to (at most 10,000)"),
                                required("char", "string", "the one padding character")),
                        "Pads on the left to the length given with the character given (\"7\" → \"007\").",
                        (input, args, context) -> {
                            String s = input == null ? "" : Values.text("padLeft", input);
                            int length = Values.integer("padLeft", args.get(0));
                            String pad = Values.text("padLeft", args.get(1));
                            if (pad == null || pad.length() != 1) {
                                throw new FunctionException("WrongArgument", "padLeft expects one padding character,"
                                        + " got " + Values.describe(pad));
                            }
                            if (length > MAX_TEXT_LENGTH) {
                                throw new FunctionException("WrongArgument", "padLeft pads to at most "
                                        + MAX_TEXT_LENGTH + " characters, got " + length);
                            }
                            return pad.repeat(Math.max(0, length - s.length())) + s;
                        }).givingText(),
                Fn.of("split", Fn.takes("any", "array", required("separator", "string", "where to split (plain text)")),
                        "Splits text at each occurrence of the separator given (plain text) into a list.",
                        (input, args, context) -> input == null ? null : Arrays.asList(Values.text("split", input)
                                .split(Pattern.quote(Values.text("split", args.getFirst())), -1))),
                Fn.of("matches", Fn.takes("any", "boolean",
                                required("regex", "string", "the regular expression the whole text must match")),
                        "Whether the whole text matches the regular expression given.",
                        TextFunctions::matches),
                Fn.of("toString", Fn.takes("any", "string"),
                        "The value as text (numbers without exponent, true/false).",
                        (input, args, context) -> input instanceof Map<?, ?> || input instanceof List<?>
                                ? dev.junction.engine.json.PayloadJson.write(input) : Values.text("toString", input))
                        .givingText());
    }

    private static Fn.Body text(String name, java.util.function.UnaryOperator<String> operation) {
        return (input, args, context) -> input == null ? null : operation.apply(Values.text(name, input));
    }

    private static Object truncate(Object input, List<Object> args, FunctionContext context) {
        String s = Values.text("truncate", input);
        if (s == null) {
            return null;
        }
        Integer max = args.isEmpty() ? context.targetMaxLength() : Integer.valueOf(Values.integer("truncate", args.getFirst()));
        if (max == null) {
            throw new FunctionException("WrongArgument", "truncate without a length needs a target field with a"
                    + " maxLength; this one has none");
        }
        if (max < 0) {
            throw new FunctionException("WrongArgument", "truncate expects a length of 0 or more, got " + max);
        }
        int length = s.codePointCount(0, s.length());
        if (length <= max) {
            return s;
        }
        context.warn("Truncated", "cut from " + length + " to " + max + " characters");
        return s.substring(0, s.offsetByCodePoints(0, max));
    }

    /** Text no longer than the length given, or without one the target field's maxLength (when either is known). */
    private static KnownValue truncated(List<Object> constantArgs, Integer targetMaxLength) {
        if (constantArgs.isEmpty()) {
            return KnownValue.text(null, targetMaxLength);
        }
        try {
            return constantArgs.getFirst() == null ? KnownValue.TEXT
                    : KnownValue.text(null, Values.integer("truncate", constantArgs.getFirst()));
        } catch (FunctionException e) {
            return KnownValue.TEXT; // the call fails on every record; the rule reports it
        }
    }

    private static Object substring(Object input, List<Object> args, FunctionContext context) {
        String s = Values.text("substring", input);
        if (s == null) {
            return null;
        }
        int start = Math.clamp(Values.integer("substring", args.get(0)), 0, s.length());
        int end = args.size() > 1 ? Math.clamp(Values.integer("substring", args.get(1)), start, s.length()) : s.length();
        return s.substring(start, end);
    }

    private static Object matches(Object input, List<Object> args, FunctionContext context) {
        String s = Values.text("matches", input);
        if (s == null) {
            return false;
        }
        if (s.length() > MAX_TEXT_LENGTH) {
            throw new FunctionException("TooLong", "matches works on text up to " + MAX_TEXT_LENGTH
                    + " characters, got " + s.length());
        }
        try {
            return Pattern.compile(Values.text("matches", args.getFirst())).matcher(s).matches();
        } catch (PatternSyntaxException e) {
            throw new FunctionException("WrongArgument", "matches: the pattern is not a regular expression: "
                    + e.getDescription());
        }
    }

    /** The first word of a name (words are separated by white space); null when it has none. */
    static String firstWord(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return start == end ? null : text.substring(start, end);
    }

    /** The last word of a name; null when it has none. */
    static String lastWord(String text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        return start == end ? null : text.substring(start, end);
    }
}
