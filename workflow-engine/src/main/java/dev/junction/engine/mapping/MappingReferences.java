package dev.junction.engine.mapping;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What a mapping's JSON form refers to outside itself: the lookup tables its rules read. */
public final class MappingReferences {

    private MappingReferences() {
    }

    /** The lookup tables the mapping reads: rules' {@code lookup} keys and {@code lookup} function steps. */
    public static Set<String> lookupTables(Map<?, ?> mapping) {
        Set<String> tables = new TreeSet<>();
        collect(mapping.get("rules"), tables);
        return tables;
    }

    private static void collect(Object rules, Set<String> tables) {
        if (!(rules instanceof List<?> list)) {
            return;
        }
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> rule)) {
                continue;
            }
            if (rule.get("lookup") instanceof String table) {
                tables.add(table);
            }
            if (rule.get("pipe") instanceof List<?> pipe) {
                for (Object step : pipe) {
                    if (step instanceof Map<?, ?> call && "lookup".equals(call.get("fn"))
                            && call.get("args") instanceof List<?> args && !args.isEmpty()
                            && args.getFirst() instanceof String table) {
                        tables.add(table);
                    }
                }
            }
            collect(rule.get("rules"), tables);
        }
    }
}
