package dev.junction.engine.mapping;

import dev.junction.engine.expressions.ExpressionRuntime;
import dev.junction.engine.schema.JsonSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapping compiled into Java closures: {@link #apply} makes the output (the fast path: it records no lineage),
 * {@link #preview} makes the same output plus each target field's lineage. Thread-safe: each call has its own state.
 */
public final class CompiledMapping {

    private final CompiledRules.Rule[] rules;
    private final CreatedObjects created;
    private final int slots;
    private final ExpressionRuntime expressions;
    private final List<MappingProblem> definitionWarnings;

    CompiledMapping(List<CompiledRules.Rule> rules, JsonSchema target, int slots, ExpressionRuntime expressions,
                    List<MappingProblem> definitionWarnings) {
        this.rules = rules.toArray(CompiledRules.Rule[]::new);
        this.slots = slots;
        this.created = target.isDescribed() ? CreatedObjects.of(target, rules) : null;
        this.expressions = expressions;
        this.definitionWarnings = List.copyOf(definitionWarnings);
    }

    public MappingResult apply(Object source, MappingEnvironment environment) {
        try (MappingRun run = new MappingRun(environment, expressions, slots, false)) {
            Map<String, Object> output = run(source, run);
            return new MappingResult(output, run.problems);
        }
    }

    public MappingPreview preview(Object source, MappingEnvironment environment) {
        try (MappingRun run = new MappingRun(environment, expressions, slots, true)) {
            Map<String, Object> output = run(source, run);
            Map<String, List<MappingProblem>> byPath = new java.util.HashMap<>();
            for (MappingProblem problem : run.problems) {
                byPath.computeIfAbsent(problem.path(), path -> new ArrayList<>()).add(problem);
            }
            List<FieldTrace> fields = new ArrayList<>(run.traces.size());
            for (FieldTrace trace : run.traces) {
                // the field's own problems and those the schema check found after it was filled
                fields.add(new FieldTrace(trace.targetPath(), trace.value(), trace.sourcePaths(), trace.steps(),
                        byPath.getOrDefault(trace.targetPath(), List.of())));
            }
            List<MappingProblem> problems = new ArrayList<>(definitionWarnings);
            problems.addAll(run.problems);
            return new MappingPreview(output, fields, problems);
        }
    }

    /** The warnings the definition check found (e.g. a source path its schema does not list). */
    public List<MappingProblem> definitionWarnings() {
        return definitionWarnings;
    }

    private Map<String, Object> run(Object source, MappingRun run) {
        Map<String, Object> output = new LinkedHashMap<>();
        SourcePath.Frame frame = new SourcePath.Frame(source, source, null, null);
        long filled = 0; // bit i: rule i placed its value (see CreatedObjects)
        for (int i = 0; i < rules.length; i++) {
            if (rules[i].apply(frame, output, "", run)) {
                filled |= CreatedObjects.bit(i);
            }
        }
        if (created != null) {
            created.check(output, "", run.problems, filled);
        }
        return output;
    }
}
