package dev.junction.connectors.dataverse.sandbox;

import dev.junction.connectors.dataverse.sandbox.EntityStore.StoredRow;
import dev.junction.connectors.dataverse.sandbox.TableDefinition.Children;
import dev.junction.connectors.dataverse.sandbox.TableDefinition.Lookup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code $select} and {@code $expand} (with nested {@code $select}/{@code $expand} separated by {@code ;})
 * make of a row: the selected columns (all when none are selected) with the primary key and {@code @odata.etag},
 * and each expanded navigation property as the related row or list of rows. Formatted values of state and status
 * are added when the caller asked for annotations.
 */
record Projection(TableDefinition table, List<String> select, Map<String, Projection> expand) {

    static Projection parse(TableDefinition table, String select, String expand) {
        List<String> columns = new ArrayList<>();
        if (select != null && !select.isBlank()) {
            for (String column : select.split(",")) {
                String name = column.trim();
                if (table.column(name).isEmpty()) {
                    throw table.unknownProperty(name);
                }
                columns.add(name);
            }
        }
        Map<String, Projection> expanded = new LinkedHashMap<>();
        if (expand != null && !expand.isBlank()) {
            for (String item : splitOutsideParentheses(expand, ',')) {
                String trimmed = item.trim();
                int open = trimmed.indexOf('(');
                String navigation = open < 0 ? trimmed : trimmed.substring(0, open);
                if (open >= 0 && !trimmed.endsWith(")")) {
                    throw ODataError.badQuery("Syntax error in $expand at '" + trimmed + "'.");
                }
                String options = open < 0 ? "" : trimmed.substring(open + 1, trimmed.length() - 1);
                TableDefinition related = relatedTable(table, navigation);
                String nestedSelect = null;
                String nestedExpand = null;
                for (String option : splitOutsideParentheses(options, ';')) {
                    if (option.isBlank()) {
                        continue;
                    }
                    if (option.startsWith("$select=")) {
                        nestedSelect = option.substring("$select=".length());
                    } else if (option.startsWith("$expand=")) {
                        nestedExpand = option.substring("$expand=".length());
                    } else {
                        throw ODataError.badQuery("The sandbox does not support '" + option
                                + "' inside $expand (only $select and $expand).");
                    }
                }
                expanded.put(navigation, parse(related, nestedSelect, nestedExpand));
            }
        }
        return new Projection(table, columns, expanded);
    }

    private static TableDefinition relatedTable(TableDefinition table, String navigation) {
        Optional<Lookup> lookup = table.lookup(navigation);
        if (lookup.isPresent()) {
            return Tables.byEntitySet(lookup.get().targetSet()).orElseThrow();
        }
        Optional<Children> children = table.children(navigation);
        if (children.isPresent()) {
            return Tables.byEntitySet(children.get().childSet()).orElseThrow();
        }
        throw ODataError.badQuery("Could not find a property named '" + navigation + "' on type '"
                + table.edmType() + "'.");
    }

    Map<String, Object> apply(StoredRow row, EntityStore store, boolean annotations) {
        Map<String, Object> shaped = new LinkedHashMap<>();
        shaped.put("@odata.etag", etag(row));
        Map<String, Object> values = row.values();
        List<String> columns = select.isEmpty() ? List.copyOf(table.columns().keySet()) : select;
        for (String column : columns) {
            shaped.put(column, values.get(column));
            if (annotations && values.get(column) != null && (column.equals("statecode")
                    || column.equals("statuscode")) && table == Tables.SALES_ORDERS) {
                shaped.put(column + "@OData.Community.Display.V1.FormattedValue",
                        SalesOrderStates.label(column, ((Number) values.get(column)).intValue()));
            }
        }
        shaped.put(table.primaryKey(), values.get(table.primaryKey()));
        for (Map.Entry<String, Projection> entry : expand.entrySet()) {
            String navigation = entry.getKey();
            Projection nested = entry.getValue();
            Optional<Lookup> lookup = table.lookup(navigation);
            if (lookup.isPresent()) {
                Object id = values.get(lookup.get().valueColumn());
                shaped.put(navigation, id == null ? null : store.find(nested.table(), id.toString())
                        .map(related -> nested.apply(related, store, annotations)).orElse(null));
            } else {
                Children children = table.children(navigation).orElseThrow();
                Object id = values.get(table.primaryKey());
                shaped.put(navigation, store.all(nested.table()).stream()
                        .filter(child -> id.equals(child.values().get(children.parentValueColumn())))
                        .sorted(Comparator.comparing(child -> ((Number) child.values()
                                .getOrDefault("lineitemnumber", 0L)).longValue()))
                        .map(child -> nested.apply(child, store, annotations)).toList());
            }
        }
        return shaped;
    }

    static String etag(StoredRow row) {
        return "W/\"" + row.version() + "\"";
    }

    static List<String> splitOutsideParentheses(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
