package dev.junction.engine.mapping;

import java.util.List;

/** What a mapping made of one record, and every problem it met (errors and warnings, with target paths). */
public record MappingResult(Object output, List<MappingProblem> problems) {

    public MappingResult {
        problems = problems.isEmpty() ? List.of() : List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(MappingProblem::isError);
    }
}
