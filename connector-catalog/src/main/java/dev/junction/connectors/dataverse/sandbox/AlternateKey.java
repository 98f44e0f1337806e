package dev.junction.connectors.dataverse.sandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An alternate-key segment {@code column='value'} (the quote doubled inside), checked against the table's keys. */
record AlternateKey(String column, String value) {

    private static final Pattern SEGMENT = Pattern.compile("([a-z_][a-z0-9_]*)='((?:[^']|'')*)'");

    static AlternateKey parse(TableDefinition table, String segment) {
        Matcher matcher = SEGMENT.matcher(segment);
        if (!matcher.matches()) {
            throw ODataError.badQuery("Bad key segment '" + segment + "': a GUID or column='value' expected.");
        }
        String column = matcher.group(1);
        if (!table.alternateKeys().contains(column)) {
            // UNCONFIRMED (api-contracts §3.8): the message and code for a key the org does not define.
            throw ODataError.badQuery("The key '" + column + "' is not defined as an alternate key of '"
                    + table.logicalName() + "'.");
        }
        return new AlternateKey(column, matcher.group(2).replace("''", "'"));
    }
}
