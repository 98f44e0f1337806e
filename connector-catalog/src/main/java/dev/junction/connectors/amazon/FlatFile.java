package dev.junction.connectors.amazon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tab-separated report file read by its header row: each later line becomes a record of column name → value
 * (a short line leaves the missing columns empty; blank lines are skipped).
 */
record FlatFile(List<String> columns, List<Map<String, String>> rows) {

    static FlatFile parse(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = content.split("\r?\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            return new FlatFile(List.of(), List.of());
        }
        // UNCONFIRMED (api-contracts §1.6): flat files quote nothing; a tab always separates columns
        List<String> columns = Arrays.stream(lines[0].split("\t", -1)).map(String::trim).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] values = lines[i].split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int column = 0; column < columns.size(); column++) {
                row.put(columns.get(column), column < values.length ? values[column].trim() : "");
            }
            rows.add(row);
        }
        return new FlatFile(columns, rows);
    }

    /** The rows as plain JSON values for an operation's answer. */
    List<Object> plainRows() {
        return new ArrayList<>(rows);
    }
}
