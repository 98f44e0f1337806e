package dev.junction.engine.mapping;

import java.util.List;

/** A mapping's output on a sample, with the lineage of every target field and every problem. */
public record MappingPreview(Object output, List<FieldTrace> fields, List<MappingProblem> problems) {

    public MappingPreview {
        fields = List.copyOf(fields);
        problems = List.copyOf(problems);
    }
}
