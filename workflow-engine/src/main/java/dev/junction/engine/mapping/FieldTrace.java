package dev.junction.engine.mapping;

import java.util.List;

/**
 * The lineage of one target field in a preview: where its value came from ({@code sourcePaths}), each step that
 * shaped it with the value after that step (the source read, each function, the value map, the default), the value
 * it ended with, and its problems.
 */
public record FieldTrace(String targetPath, Object value, List<String> sourcePaths, List<Step> steps,
                         List<MappingProblem> problems) {

    public FieldTrace {
        sourcePaths = List.copyOf(sourcePaths);
        steps = List.copyOf(steps);
        problems = List.copyOf(problems);
    }

    /** One step of a field's pipeline, e.g. {@code toMinorUnits(GBP)} → 1999. */
    public record Step(String label, Object value) {
    }
}
