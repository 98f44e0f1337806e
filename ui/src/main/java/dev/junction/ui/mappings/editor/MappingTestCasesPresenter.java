package dev.junction.ui.mappings.editor;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.mappings.MappingTestCaseService;
import dev.junction.ui.mappings.editor.MapperContract.OutputDifference;
import dev.junction.ui.mappings.editor.MapperContract.Refusal;
import dev.junction.ui.mappings.editor.MapperContract.SavedTestCase;
import dev.junction.ui.mappings.editor.MapperContract.TestCase;
import dev.junction.ui.mappings.editor.MapperContract.TestResult;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The saved test cases of one mapping editor: listed and run by anyone who may open the editor (on the working copy,
 * no save needed); saved and deleted by ADMIN and DESIGNER only, through the same audited service as the REST API.
 * A refusal is an answer naming why, never an exception.
 */
public class MappingTestCasesPresenter {

    private static final String NOT_ALLOWED = "Your role may not change a mapping's test cases.";

    private final MappingTestCaseService service;
    private final UUID mappingId;

    MappingTestCasesPresenter(MappingTestCaseService service, UUID mappingId) {
        this.service = service;
        this.mappingId = mappingId;
    }

    public List<TestCase> list() {
        return service.list(mappingId).stream().map(testCase -> new TestCase(testCase.id().toString(),
                testCase.name(), testCase.sample(), testCase.expected())).toList();
    }

    public SavedTestCase save(String name, Object sample, Object expected) {
        try {
            MappingTestCaseService.TestCase saved = service.save(mappingId, name, sample, expected);
            return new SavedTestCase(saved.id().toString(), saved.name(), saved.sample(), saved.expected(), null);
        } catch (AccessDeniedException e) {
            return refusedSave(NOT_ALLOWED);
        } catch (InvalidInputException e) {
            return refusedSave(MappingEditorPresenter.message(e));
        } catch (NotFoundException e) {
            return refusedSave(e.getMessage());
        }
    }

    private static SavedTestCase refusedSave(String why) {
        return new SavedTestCase(null, null, null, null, why);
    }

    public Refusal delete(String id) {
        UUID testId;
        try {
            testId = UUID.fromString(String.valueOf(id));
        } catch (IllegalArgumentException e) {
            return new Refusal("id must be the id of a test case, not '" + id + "'");
        }
        try {
            service.delete(mappingId, testId);
            return new Refusal(null);
        } catch (AccessDeniedException e) {
            return new Refusal(NOT_ALLOWED);
        } catch (NotFoundException e) {
            return new Refusal(e.getMessage());
        }
    }

    /** Every test case run on the working copy (a document that is not an object fails each, saying so). */
    public List<TestResult> run(Object document) {
        if (!(document instanceof Map<?, ?> definition)) {
            return list().stream().map(testCase -> new TestResult(testCase.id(), testCase.name(), false,
                    "the mapping must be a JSON object", List.of())).toList();
        }
        return service.run(mappingId, definition).stream().map(result -> new TestResult(result.id().toString(),
                result.name(), result.passed(), result.error(), result.differences().stream()
                .map(difference -> new OutputDifference(difference.path(), difference.kind(),
                        difference.expected(), difference.actual())).toList())).toList();
    }
}
