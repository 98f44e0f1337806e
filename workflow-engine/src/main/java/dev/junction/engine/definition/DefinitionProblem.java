package dev.junction.engine.definition;

/**
 * Something wrong with a definition: where (a JSON path such as {@code $.nodes[2].config.code}), which node it
 * concerns ({@code null} when none), and what was expected.
 */
public record DefinitionProblem(String path, String nodeId, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
