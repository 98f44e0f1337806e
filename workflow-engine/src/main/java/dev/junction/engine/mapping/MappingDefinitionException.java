package dev.junction.engine.mapping;

import java.util.List;

/** A mapping that cannot be compiled; {@link #problems()} lists every reason at once, with JSON paths. */
public class MappingDefinitionException extends RuntimeException {

    private final List<MappingProblem> problems;

    public MappingDefinitionException(List<MappingProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<MappingProblem> problems() {
        return problems;
    }

    private static String summary(List<MappingProblem> problems) {
        List<MappingProblem> errors = problems.stream().filter(MappingProblem::isError).toList();
        StringBuilder text = new StringBuilder("The mapping has " + errors.size() + " problem"
                + (errors.size() == 1 ? "" : "s") + ": ");
        for (int i = 0; i < Math.min(10, errors.size()); i++) {
            text.append(i == 0 ? "" : "; ").append(errors.get(i).path()).append(": ").append(errors.get(i).message());
        }
        return text.append(errors.size() > 10 ? "; …" : "").toString();
    }
}
