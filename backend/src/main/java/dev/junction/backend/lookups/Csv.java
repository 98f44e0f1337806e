package dev.junction.backend.lookups;

import dev.junction.backend.api.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: quoted fields with doubled quotes, commas and line breaks inside quotes; CRLF or LF. */
final class Csv {

    private Csv() {
    }

    /**
     * The records of a CSV text, each a list of fields; blank lines are skipped.
     *
     * @throws InvalidInputException naming the line of a quote that does not close or is followed by other text
     */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int quoteLine = 0;
        boolean quoted = false;
        boolean afterQuote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    afterQuote = true;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !afterQuote) {
                quoted = true;
                quoteLine = line;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                if (!(record.size() == 1 && record.getFirst().isBlank())) {
                    records.add(record);
                }
                record = new ArrayList<>();
                field.setLength(0);
                afterQuote = false;
                line++;
            } else if (afterQuote) {
                throw new InvalidInputException("csv", "line " + line + ": text after a closing quote; a quote inside"
                        + " a quoted field is written twice (\"\")");
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidInputException("csv", "line " + quoteLine + ": a quoted field is not closed");
        }
        record.add(field.toString());
        if (!(record.size() == 1 && record.getFirst().isBlank())) {
            records.add(record);
        }
        return records;
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0
                && (value.isEmpty() || !Character.isWhitespace(value.charAt(0)))) {
            return value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
