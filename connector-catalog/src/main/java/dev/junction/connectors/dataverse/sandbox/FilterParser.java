package dev.junction.connectors.dataverse.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The small part of OData {@code $filter} the simulator understands: comparisons ({@code eq ne gt ge lt le}) of a
 * plain column with a literal of the column's type, joined by {@code and} / {@code or}, with parentheses. Strings
 * are quoted with {@code '} (a quote inside doubled), date-times, GUIDs, numbers, {@code true/false/null} are not.
 * Anything else (functions such as {@code contains()}, {@code not}, lambda operators) is answered with a 400 saying
 * the sandbox does not support it; a wrong type or an unknown column like the real service does.
 */
final class FilterParser {

    private static final Set<String> OPERATORS = Set.of("eq", "ne", "gt", "ge", "lt", "le");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final TableDefinition table;
    private final List<Token> tokens;
    private int position;

    private record Token(String text, boolean quoted) {
    }

    private FilterParser(TableDefinition table, List<Token> tokens) {
        this.table = table;
        this.tokens = tokens;
    }

    /** The rows a filter keeps; throws a 400 {@link ODataError} when the filter cannot be read. */
    static Predicate<Map<String, Object>> parse(String filter, TableDefinition table) {
        FilterParser parser = new FilterParser(table, tokenize(filter));
        Predicate<Map<String, Object>> predicate = parser.or();
        if (parser.position < parser.tokens.size()) {
            throw ODataError.badQuery("Syntax error at position " + parser.position + " in '" + filter
                    + "': unexpected '" + parser.tokens.get(parser.position).text() + "'.");
        }
        return predicate;
    }

    private Predicate<Map<String, Object>> or() {
        Predicate<Map<String, Object>> left = and();
        while (nextIs("or")) {
            position++;
            left = left.or(and());
        }
        return left;
    }

    private Predicate<Map<String, Object>> and() {
        Predicate<Map<String, Object>> left = primary();
        while (nextIs("and")) {
            position++;
            left = left.and(primary());
        }
        return left;
    }

    private Predicate<Map<String, Object>> primary() {
        Token token = take("a comparison");
        if (!token.quoted() && token.text().equals("(")) {
            Predicate<Map<String, Object>> inner = or();
            Token close = take("')'");
            if (close.quoted() || !close.text().equals(")")) {
                throw ODataError.badQuery("Syntax error: ')' expected but found '" + close.text() + "'.");
            }
            return inner;
        }
        if (token.quoted() || !IDENTIFIER.matcher(token.text()).matches()) {
            throw ODataError.badQuery("Syntax error: a property name expected but found '" + token.text() + "'.");
        }
        if (token.text().equals("not") || nextIs("(")) {
            throw ODataError.badQuery("The sandbox does not support '" + token.text()
                    + "' in $filter (only eq, ne, gt, ge, lt, le, and, or and parentheses).");
        }
        String column = token.text();
        ColumnType type = table.column(column).orElseThrow(() -> table.unknownProperty(column));
        Token operator = take("an operator");
        if (operator.quoted() || !OPERATORS.contains(operator.text())) {
            throw ODataError.badQuery("The sandbox does not support the operator '" + operator.text()
                    + "' in $filter (only eq, ne, gt, ge, lt, le).");
        }
        Object literal = literal(take("a literal"), type);
        return comparison(column, type, operator.text(), literal);
    }

    private static Predicate<Map<String, Object>> comparison(String column, ColumnType type, String operator,
                                                           Object literal) {
        if (literal == null) {
            return switch (operator) {
                case "eq" -> row -> row.get(column) == null;
                case "ne" -> row -> row.get(column) != null;
                default -> throw ODataError.badQuery("null can only be compared with eq or ne.");
            };
        }
        return row -> {
            Object stored = row.get(column);
            if (stored == null) {
                return operator.equals("ne");
            }
            int order = compare(type, stored, literal);
            return switch (operator) {
                case "eq" -> order == 0;
                case "ne" -> order != 0;
                case "gt" -> order > 0;
                case "ge" -> order >= 0;
                case "lt" -> order < 0;
                default -> order <= 0;
            };
        };
    }

    private static int compare(ColumnType type, Object stored, Object literal) {
        return switch (type) {
            case TEXT, GUID -> String.CASE_INSENSITIVE_ORDER.compare(stored.toString(), literal.toString());
            case WHOLE, DECIMAL -> new BigDecimal(stored.toString()).compareTo((BigDecimal) literal);
            case DATETIME -> Instant.parse(stored.toString()).compareTo((Instant) literal);
            case BOOLEAN -> Boolean.compare((Boolean) stored, (Boolean) literal);
        };
    }

    private static Object literal(Token token, ColumnType type) {
        String text = token.text();
        if (!token.quoted() && text.equals("null")) {
            return null;
        }
        Object value = switch (type) {
            case TEXT -> token.quoted() ? text : null;
            case WHOLE, DECIMAL -> !token.quoted() && NUMBER.matcher(text).matches() ? new BigDecimal(text) : null;
            case GUID -> !token.quoted() && GUID.matcher(text).matches() ? text : null;
            case BOOLEAN -> !token.quoted() && (text.equals("true") || text.equals("false"))
                    ? Boolean.valueOf(text) : null;
            case DATETIME -> token.quoted() ? null : instant(text);
        };
        if (value == null) {
            throw ODataError.badQuery("A binary operator with incompatible types was detected. Found operand types '"
                    + type.edmName() + "' and '" + literalType(token) + "' for operator kind 'Equal'.");
        }
        return value;
    }

    private static Instant instant(String text) {
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String literalType(Token token) {
        if (token.quoted()) {
            return "Edm.String";
        }
        if (NUMBER.matcher(token.text()).matches()) {
            return "Edm.Int32";
        }
        if (GUID.matcher(token.text()).matches()) {
            return "Edm.Guid";
        }
        return instant(token.text()) != null ? "Edm.DateTimeOffset" : token.text();
    }

    private boolean nextIs(String text) {
        return position < tokens.size() && !tokens.get(position).quoted() && tokens.get(position).text().equals(text);
    }

    private Token take(String expected) {
        if (position >= tokens.size()) {
            throw ODataError.badQuery("Syntax error: " + expected + " expected at the end of $filter.");
        }
        return tokens.get(position++);
    }

    private static List<Token> tokenize(String filter) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(new Token(String.valueOf(c), false));
                i++;
            } else if (c == '\'') {
                StringBuilder text = new StringBuilder();
                i++;
                while (true) {
                    if (i >= filter.length()) {
                        throw ODataError.badQuery("Syntax error: unterminated string literal in $filter.");
                    }
                    char d = filter.charAt(i);
                    if (d == '\'') {
                        if (i + 1 < filter.length() && filter.charAt(i + 1) == '\'') {
                            text.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    text.append(d);
                    i++;
                }
                tokens.add(new Token(text.toString(), true));
            } else {
                int start = i;
                while (i < filter.length() && !Character.isWhitespace(filter.charAt(i))
                        && "()',".indexOf(filter.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new Token(filter.substring(start, i), false));
            }
        }
        return tokens;
    }
}
