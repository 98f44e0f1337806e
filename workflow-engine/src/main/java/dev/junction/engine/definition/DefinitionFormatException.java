package dev.junction.engine.definition;

import java.util.List;
import java.util.stream.Collectors;

/** A definition that is not of the format at all; {@link #problems()} names every place at once. */
public class DefinitionFormatException extends RuntimeException {

    private final List<DefinitionProblem> problems;

    public DefinitionFormatException(List<DefinitionProblem> problems) {
        super(problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }
}
