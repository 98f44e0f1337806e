package dev.junction.backend.workflows;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.InvalidInputException.FieldProblem;
import dev.junction.engine.definition.DefinitionFormatException;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.DefinitionProblem;
import dev.junction.engine.definition.WorkflowDefinition;

import java.util.List;

/** Reads a definition sent by a user; shape problems become field problems under {@code definition}. */
final class DefinitionInput {

    private DefinitionInput() {
    }

    static WorkflowDefinition read(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidInputException("definition", "is required: a workflow definition object");
        }
        try {
            return DefinitionJson.read(json);
        } catch (DefinitionFormatException e) {
            throw new InvalidInputException(fieldProblems(e.problems()));
        }
    }

    /** {@code $.nodes[0].type} in the definition is the request field {@code definition.nodes[0].type}. */
    static List<FieldProblem> fieldProblems(List<DefinitionProblem> problems) {
        return problems.stream()
                .map(problem -> new FieldProblem("definition" + problem.path().substring(1), problem.message()))
                .toList();
    }
}
