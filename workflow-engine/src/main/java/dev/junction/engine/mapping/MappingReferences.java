package dev.junction.engine.mapping;

import dev.junction.engine.mapping.model.MappingDocument;
import dev.junction.engine.mapping.model.PipeStep;
import dev.junction.engine.mapping.model.Rule;
import dev.junction.engine.mapping.model.When;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What a mapping refers to outside itself: the lookup tables its rules read. */
public final class MappingReferences {

    private MappingReferences() {
    }

    /** The lookup tables the mapping reads: rules' {@code lookup} keys and {@code lookup} function steps (in pipes, conditions and a forEach's {@code where}). */
    public static Set<String> lookupTables(MappingDocument mapping) {
        Set<String> tables = new TreeSet<>();
        collect(mapping.rules(), tables);
        return tables;
    }

    private static void collect(List<Rule> rules, Set<String> tables) {
        for (Rule rule : rules) {
            if (rule.when() instanceof When.Test test && test.test() != null) {
                step(test.test(), tables);
            }
            switch (rule) {
                case Rule.ValueRule value -> {
                    if (value.lookup() != null) {
                        tables.add(value.lookup());
                    }
                    value.pipe().forEach(step -> step(step, tables));
                }
                case Rule.ForEachRule each -> {
                    if (each.where() instanceof When.Test test && test.test() != null) {
                        step(test.test(), tables);
                    }
                    collect(each.rules(), tables);
                }
            }
        }
    }

    private static void step(PipeStep step, Set<String> tables) {
        if ("lookup".equals(step.fn()) && !step.args().isEmpty()
                && step.args().getFirst() instanceof PipeStep.Argument.Constant(String table)) {
            tables.add(table);
        }
    }
}
