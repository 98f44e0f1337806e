package dev.junction.connectors.dataverse;

import dev.junction.engine.connectors.ConnectorException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Builds the parts of OData URLs from inputs so that an input can only ever be a value, never syntax: text becomes
 * a quoted literal with its quotes doubled, date-times and GUIDs are parsed and written back in canonical form,
 * names must be plain identifiers; everything is then percent-encoded for the URL.
 */
final class OData {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,99}");
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private OData() {
    }

    /** A string literal: {@code O'Brien} → {@code 'O''Brien'}. */
    static String text(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A date-time literal (unquoted, UTC), from an ISO date-time or date input. */
    static String dateTime(String field, String value) throws ConnectorException {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
            }
            return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            throw Inputs.invalid(field, "must be an ISO 8601 date-time such as 2026-11-23T16:42:07Z");
        }
    }

    /** A GUID (unquoted in filters and keys), lower case. */
    static String guid(String field, String value) throws ConnectorException {
        if (!GUID.matcher(value).matches()) {
            throw Inputs.invalid(field, "must be a GUID such as 7e1b6f02-3c8d-ef11-8a69-000d3a4b2c11");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** A column or navigation-property name: lower-case letters, digits and underscores only. */
    static String identifier(String field, String name) throws ConnectorException {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw Inputs.invalid(field, "holds '" + name + "', which is not a column name (a-z, 0-9, _)");
        }
        return name;
    }

    static List<String> identifiers(String field, List<String> names) throws ConnectorException {
        for (String name : names) {
            identifier(field, name);
        }
        return names;
    }

    /** The key segment of a record by an alternate key: {@code productnumber='GF-BENCH-150'}, encoded for a path. */
    static String alternateKey(String column, String value) {
        return column + "=" + pathEncode(text(value));
    }

    /** Percent-encodes a query option value (spaces as %20; OData's $ , ( ) ; = ' kept readable where safe). */
    static String queryEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Percent-encodes text inside a path segment (quotes doubled first by {@link #text}). */
    static String pathEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%27", "'");
    }
}
