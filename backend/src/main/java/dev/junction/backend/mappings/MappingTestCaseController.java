package dev.junction.backend.mappings;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.JsonBodies;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A stored mapping's test cases over REST: list, save, delete, run (on the latest version or a working copy). */
@RestController
class MappingTestCaseController {

    private final MappingTestCaseService service;

    MappingTestCaseController(MappingTestCaseService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/mappings/{id}/tests")
    List<MappingTestCaseService.TestCase> list(@PathVariable UUID id) {
        return service.list(id);
    }

    @PostMapping("/api/v1/mappings/{id}/tests")
    @ResponseStatus(HttpStatus.CREATED)
    MappingTestCaseService.TestCase create(@PathVariable UUID id, @RequestBody(required = false) String body) {
        Map<?, ?> fields = JsonBodies.object(body == null ? "" : body,
                "an object {\"name\", \"sample\", \"expected\"}", "name", "sample", "expected");
        if (!(fields.get("name") instanceof String name)) {
            throw new InvalidInputException("name", "is required: 1 to 120 characters");
        }
        for (String field : List.of("sample", "expected")) {
            if (!fields.containsKey(field)) {
                throw new InvalidInputException(field, "sample".equals(field)
                        ? "is required: the record the mapping runs on"
                        : "is required: the output the mapping must make of the sample");
            }
        }
        return service.save(id, name, fields.get("sample"), fields.get("expected"));
    }

    @DeleteMapping("/api/v1/mappings/{id}/tests/{testId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id, @PathVariable UUID testId) {
        service.delete(id, testId);
    }

    /** Body {@code {"definition": {...}}} runs a working copy; no body (or no definition) the latest version. */
    @PostMapping("/api/v1/mappings/{id}/tests/run")
    TestRuns run(@PathVariable UUID id, @RequestBody(required = false) String body) {
        Map<?, ?> definition = null;
        if (body != null && !body.isBlank()) {
            if (body.length() > MappingPreviewController.MAX_PREVIEW_BYTES) {
                throw new InvalidInputException("body", "must be at most " + MappingPreviewController.MAX_PREVIEW_BYTES
                        / 1024 + " KiB");
            }
            Map<?, ?> fields = JsonBodies.object(body, "an object {\"definition\"?}", "definition");
            Object given = fields.get("definition");
            if (given != null && !(given instanceof Map<?, ?>)) {
                throw new InvalidInputException("definition", "must be the mapping to test, as an object"
                        + " (docs/mappings.md); leave it out to test the latest version");
            }
            definition = (Map<?, ?>) given;
        }
        List<MappingTestCaseService.TestRun> results = service.run(id, definition);
        return new TestRuns(results.stream().filter(result -> !result.passed()).count(), results);
    }

    /** Every test case's run, and how many failed. */
    record TestRuns(long failing, List<MappingTestCaseService.TestRun> results) {
    }
}
