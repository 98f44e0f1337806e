package dev.junction.backend.api;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the API says about JSON text it cannot take: where a syntax error is (line and column) and what was expected,
 * in the parser's words without its internals; and where a text holds the NUL character, which PostgreSQL cannot
 * store in text or jsonb.
 */
public final class JsonText {

    /** The message of a NUL character, for every place that refuses one. */
    public static final String NUL_MESSAGE = "must not contain the NUL character (\\u0000)";

    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");
    private static final Pattern SOURCE_WITHOUT_PLACE = Pattern.compile("\\s*\\(start marker at \\[Source: [^\\]]*]\\)"
            + "|\\s*\\[Source: [^\\]]*]");
    private static final Pattern CHARACTER_CODE = Pattern.compile(" \\(code \\d+\\)");
    private static final Pattern CONTROL_CHARACTER = Pattern.compile("\\(CTRL-CHAR, code (\\d+)\\)");
    private static final Pattern JAVA_NAMES = Pattern.compile("`?(java|tools\\.jackson|dev\\.junction)\\.[\\w.$]+`?");

    private JsonText() {
    }

    /**
     * A syntax error as words: "at line 2, column 9: was expecting a colon to separate property name and value".
     * The parser's message loses its character codes, source descriptions and class names.
     */
    public static String syntaxError(JacksonException error) {
        String message = error.getOriginalMessage() == null ? "malformed JSON" : error.getOriginalMessage();
        message = SOURCE.matcher(message).replaceAll("line $1, column $2");
        message = SOURCE_WITHOUT_PLACE.matcher(message).replaceAll("");
        message = CHARACTER_CODE.matcher(message).replaceAll("");
        message = CONTROL_CHARACTER.matcher(message).replaceAll("(control character $1)");
        message = JAVA_NAMES.matcher(message).replaceAll("a value");
        TokenStreamLocation location = error.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return message;
        }
        return "at line " + location.getLineNr() + ", column " + location.getColumnNr() + ": " + message;
    }

    /** The syntax error behind an exception of {@code PayloadJson.read}, else the exception's message. */
    public static String syntaxError(IllegalArgumentException error) {
        return error.getCause() instanceof JacksonException parse ? syntaxError(parse) : error.getMessage();
    }

    /**
     * The path (like {@code sample.lines[2].sku}) of the first text or field name in a plain JSON value that
     * contains the NUL character, under {@code root} (empty for the top level, so a top-level text answers "").
     */
    public static Optional<String> nulAt(Object value, String root) {
        return switch (value) {
            case String text -> text.indexOf('\0') >= 0 ? Optional.of(root) : Optional.empty();
            case Map<?, ?> object -> object.entrySet().stream()
                    .map(entry -> {
                        String name = String.valueOf(entry.getKey());
                        String path = root.isEmpty() ? name : root + "." + name;
                        return name.indexOf('\0') >= 0 ? Optional.of(path) : nulAt(entry.getValue(), path);
                    })
                    .flatMap(Optional::stream).findFirst();
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    Optional<String> found = nulAt(list.get(i), root + "[" + i + "]");
                    if (found.isPresent()) {
                        yield found;
                    }
                }
                yield Optional.empty();
            }
            case null, default -> Optional.empty();
        };
    }
}
