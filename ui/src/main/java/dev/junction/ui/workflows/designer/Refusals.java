package dev.junction.ui.workflows.designer;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.workflows.WorkflowVersionService;
import dev.junction.engine.definition.DefinitionProblem;
import dev.junction.ui.workflows.designer.DesignerContract.Problem;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * How the designer's changes answer a refusal: a refusal by the service's security is recorded in the audit log
 * ({@code workflow.edit-refused}, with the call's name) and answered {@link #NOT_ALLOWED}; a refusal of the input is
 * answered with the problems the service named — never a stack trace.
 */
final class Refusals {

    static final String NOT_ALLOWED = "You may not change this workflow: that needs the designer or admin role.";

    private final WorkflowVersionService versions;
    private final UUID workflowId;

    Refusals(WorkflowVersionService versions, UUID workflowId) {
        this.versions = versions;
        this.workflowId = workflowId;
    }

    /** Records that the user's role refused {@code method} on this workflow. */
    void record(String method) {
        versions.recordRefusedEdit(workflowId, method);
    }

    /**
     * Runs a change; a refusal by the service's security is recorded and answered, a refusal of the input is
     * answered with the problems the service named.
     */
    <T> T changing(String method, Supplier<T> change, Supplier<List<DefinitionProblem>> definitionProblems,
                   Answer<T> refused) {
        try {
            return change.get();
        } catch (AccessDeniedException e) {
            record(method);
            return refused.answer(NOT_ALLOWED, List.of());
        } catch (InvalidInputException e) {
            String message = e.problems().stream().map(Object::toString).reduce((a, b) -> a + "; " + b)
                    .orElse("the input is not acceptable");
            return refused.answer(message, problems(e, definitionProblems));
        } catch (ConflictException | NotFoundException e) {
            return refused.answer(e.getMessage(), List.of());
        }
    }

    /**
     * The problems of a refused input: the definition's own (with their nodes) when the refusal names fields of the
     * definition, and the other fields (baseVersion, comment) as problems of the whole.
     */
    private static List<Problem> problems(InvalidInputException e, Supplier<List<DefinitionProblem>> definition) {
        boolean aboutDefinition = e.problems().stream().anyMatch(problem -> problem.field().startsWith("definition"));
        List<Problem> others = e.problems().stream().filter(problem -> !problem.field().startsWith("definition"))
                .map(problem -> new Problem(null, null, problem.field(), problem.message())).toList();
        if (!aboutDefinition) {
            return others;
        }
        return Stream.concat(Problem.of(definition.get()).stream(), others.stream()).toList();
    }

    /** What a refused change answers, given the message and the problems. */
    @FunctionalInterface
    interface Answer<T> {
        T answer(String message, List<Problem> problems);
    }
}
