package dev.junction.engine.mapping.functions;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import static dev.junction.engine.mapping.functions.FunctionParameter.optional;
import static dev.junction.engine.mapping.functions.FunctionParameter.required;

/** Dates and types: ISO 8601, patterns, time zones, epoch, and Amazon's "true"/"false" strings. */
final class DateFunctions {

    private DateFunctions() {
    }

    static List<Fn> all() {
        return List.of(
                Fn.of("toIsoDateTime", Fn.takes("any", "string",
                                optional("zone", "string", "a time zone (\"Europe/London\"; default UTC)")),
                        "An ISO 8601 date-time (with offset), epoch seconds, or a date (midnight"
                        + " in the zone given, default UTC) as an ISO 8601 UTC instant (\"2026-11-24T10:15:00Z\").",
                        (input, args, context) -> input == null ? null
                                : instant("toIsoDateTime", input, zone(Values.arg(args, 0))).toString()),
                Fn.of("parseDate", Fn.takes("any", "string",
                                required("pattern", "string", "the text's java.time pattern (\"dd/MM/yyyy HH:mm\")"),
                                optional("zone", "string", "a time zone (\"Europe/London\"; default UTC)")),
                        "Text in the pattern given (java.time, e.g. \"dd/MM/yyyy HH:mm\") in the zone"
                        + " given (default UTC) as an ISO 8601 UTC instant.", DateFunctions::parse),
                Fn.of("formatDate", Fn.takes("any", "string",
                                required("pattern", "string", "the java.time pattern to write (\"dd/MM/yyyy\")"),
                                optional("zone", "string", "a time zone (\"Europe/London\"; default UTC)")),
                        "A date-time as text in the pattern given, in the zone given (default UTC).",
                        (input, args, context) -> {
                            if (input == null) {
                                return null;
                            }
                            ZoneId zone = zone(Values.arg(args, 1));
                            return pattern("formatDate", args.getFirst()).format(instant("formatDate", input, zone)
                                    .atZone(zone));
                        }),
                Fn.of("toZone", Fn.takes("any", "string",
                                required("zone", "string", "the time zone (\"Europe/London\")")),
                        "A date-time as an ISO 8601 date-time with the offset of the zone given"
                        + " (\"Europe/London\").", (input, args, context) -> input == null ? null
                        : instant("toZone", input, ZoneOffset.UTC).atZone(zone(args.getFirst())).toOffsetDateTime()
                        .toString()),
                Fn.of("fromEpochSeconds", Fn.takes("any", "string"),
                        "Seconds since 1970-01-01T00:00Z as an ISO 8601 UTC instant.",
                        (input, args, context) -> input == null ? null
                                : Instant.ofEpochSecond(Values.decimal("fromEpochSeconds", input).longValue()).toString()),
                Fn.of("fromEpochMillis", Fn.takes("any", "string"),
                        "Milliseconds since 1970-01-01T00:00Z as an ISO 8601 UTC instant.",
                        (input, args, context) -> input == null ? null
                                : Instant.ofEpochMilli(Values.decimal("fromEpochMillis", input).longValue()).toString()),
                Fn.of("toEpochSeconds", Fn.takes("any", "integer"),
                        "A date-time as seconds since 1970-01-01T00:00Z.",
                        (input, args, context) -> input == null ? null
                                : instant("toEpochSeconds", input, ZoneOffset.UTC).getEpochSecond()),
                Fn.of("toBoolean", Fn.takes("any", "boolean"),
                        "\"true\"/\"false\" (any case), \"yes\"/\"no\", 1/0 and booleans as a boolean;"
                        + " anything else fails.", (input, args, context) -> bool(input)),
                Fn.of("isTrue", Fn.takes("any", "boolean"),
                        "Whether the value is true, \"true\" (any case), \"yes\" or 1; nothing is false.",
                        (input, args, context) -> {
                            try {
                                return Boolean.TRUE.equals(bool(input));
                            } catch (FunctionException e) {
                                return false;
                            }
                        }),
                Fn.of("toNumber", Fn.takes("any", "number"),
                        "A number written as text (\"12\", \"3.5\", \"95,00\") as a number.",
                        (input, args, context) -> Values.decimal("toNumber", input)),
                Fn.of("toInteger", Fn.takes("any", "integer"),
                        "A whole number written as text or a number without fraction; a fraction fails.",
                        (input, args, context) -> {
                            BigDecimal value = Values.decimal("toInteger", input);
                            if (value == null) {
                                return null;
                            }
                            try {
                                return value.longValueExact();
                            } catch (ArithmeticException e) {
                                throw new FunctionException("WrongType", "toInteger expects a whole number, got "
                                        + value.toPlainString());
                            }
                        }));
    }

    static Boolean bool(Object input) {
        return switch (input) {
            case null -> null;
            case Boolean b -> b;
            case Number n -> {
                Integer oneOrZero = oneOrZero(n);
                if (oneOrZero == null) {
                    throw notABoolean(input);
                }
                yield oneOrZero == 1;
            }
            case String s when s.strip().equalsIgnoreCase("true") || s.strip().equalsIgnoreCase("yes") -> true;
            case String s when s.strip().equalsIgnoreCase("false") || s.strip().equalsIgnoreCase("no") -> false;
            default -> throw notABoolean(input);
        };
    }

    private static FunctionException notABoolean(Object input) {
        return new FunctionException("WrongType", "toBoolean expects true/false, yes/no or 1/0, got "
                + Values.describe(input));
    }

    /** 1 or 0 when the number is one or zero (1.0, 0.00 too); null for any other number, NaN and infinities. */
    private static Integer oneOrZero(Number number) {
        if (number instanceof Double d && !Double.isFinite(d) || number instanceof Float f && !Float.isFinite(f)) {
            return null;
        }
        BigDecimal value = new BigDecimal(number.toString());
        return value.signum() == 0 ? Integer.valueOf(0) : value.compareTo(BigDecimal.ONE) == 0 ? Integer.valueOf(1)
                : null;
    }

    private static Object parse(Object input, List<Object> args, FunctionContext context) {
        String text = Values.text("parseDate", input);
        if (text == null || text.isBlank()) {
            return null;
        }
        DateTimeFormatter pattern = pattern("parseDate", args.getFirst());
        ZoneId zone = zone(Values.arg(args, 1));
        try {
            var parsed = pattern.parseBest(text.strip(), OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            return switch (parsed) {
                case OffsetDateTime dateTime -> dateTime.toInstant().toString();
                case LocalDateTime dateTime -> dateTime.atZone(zone).toInstant().toString();
                case LocalDate date -> date.atStartOfDay(zone).toInstant().toString();
                default -> throw new DateTimeException("unexpected");
            };
        } catch (DateTimeParseException e) {
            throw new FunctionException("NotADate", "parseDate: " + Values.describe(text) + " does not match the"
                    + " pattern \"" + args.getFirst() + "\"");
        }
    }

    static Instant instant(String function, Object input, ZoneId zone) {
        if (input instanceof Number number) {
            return Instant.ofEpochSecond(new BigDecimal(number.toString()).longValue());
        }
        String text = Values.text(function, input).strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new FunctionException("NotADate", function + " expects an ISO 8601 date or date-time"
                            + " like \"2026-11-24T10:15:00Z\", got " + Values.describe(input));
                }
            }
        }
    }

    static LocalDate date(String function, Object input) {
        return instant(function, input, ZoneOffset.UTC).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static DateTimeFormatter pattern(String function, Object pattern) {
        try {
            return DateTimeFormatter.ofPattern(Values.text(function, pattern), Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new FunctionException("WrongArgument", function + ": \"" + pattern + "\" is not a date pattern: "
                    + e.getMessage());
        }
    }

    private static ZoneId zone(Object zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(Values.text("zone", zone));
        } catch (DateTimeException e) {
            throw new FunctionException("WrongArgument", Values.describe(zone) + " is not a time zone (e.g."
                    + " \"Europe/London\", \"UTC\", \"+01:00\")");
        }
    }
}
