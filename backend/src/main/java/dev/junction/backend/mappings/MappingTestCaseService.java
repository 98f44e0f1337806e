package dev.junction.backend.mappings;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.mappings.MappingRepository;
import dev.junction.db.mappings.MappingTestCase;
import dev.junction.db.mappings.MappingTestCaseRepository;
import dev.junction.db.mappings.StoredMapping;
import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.mapping.CompiledMapping;
import dev.junction.engine.mapping.MappingCompiler;
import dev.junction.engine.mapping.MappingDefinitionException;
import dev.junction.engine.mapping.MappingEnvironment;
import dev.junction.engine.mapping.MappingJson;
import dev.junction.engine.mapping.MappingProblem;
import dev.junction.engine.mapping.OutputComparison;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stored mapping's saved test cases (golden samples): a sample and the output the mapping must make of it. Anyone
 * signed in may list and run them (on the latest version, or on a working copy that is not saved); only ADMIN and
 * DESIGNER may save or delete one, and each change is audited ({@code mapping.test_saved},
 * {@code mapping.test_deleted}). A run compares the expected output with the actual one: each difference by path
 * and kind ({@link OutputComparison}).
 */
@Service
public class MappingTestCaseService {

    /** The largest sample, and the largest expected output, a test case keeps (as JSON): that of a preview. */
    public static final int MAX_JSON_BYTES = 1024 * 1024;
    private static final String MAY_CHANGE = "hasAnyRole('ADMIN', 'DESIGNER')";

    private final MappingRepository mappings;
    private final MappingTestCaseRepository testCases;
    private final MappingCompiler compiler;
    private final MappingEnvironment environment;
    private final AuditTrail audit;

    MappingTestCaseService(MappingRepository mappings, MappingTestCaseRepository testCases, MappingCompiler compiler,
                           MappingEnvironment environment, AuditTrail audit) {
        this.mappings = mappings;
        this.testCases = testCases;
        this.compiler = compiler;
        this.environment = environment;
        this.audit = audit;
    }

    /** A test case as the API and the editor show it. */
    public record TestCase(UUID id, String name, Object sample, Object expected, String createdBy,
                           OffsetDateTime createdAt) {

        static TestCase of(MappingTestCase stored) {
            return new TestCase(stored.id(), stored.name(), PayloadJson.read(stored.sampleJson()),
                    PayloadJson.read(stored.expectedJson()), stored.createdBy(), stored.createdAt());
        }
    }

    /** One test case's run: passed when the output equals the expected one; {@code error} when it could not run. */
    public record TestRun(UUID id, String name, boolean passed, String error,
                          List<OutputComparison.Difference> differences) {
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<TestCase> list(UUID mappingId) {
        mapping(mappingId);
        return testCases.list(mappingId).stream().map(TestCase::of).toList();
    }

    @PreAuthorize(MAY_CHANGE)
    @Transactional
    public TestCase save(UUID mappingId, String name, Object sample, Object expected) {
        mapping(mappingId);
        if (name == null || name.isBlank() || name.strip().length() > 120) {
            throw new InvalidInputException("name", "is required: 1 to 120 characters");
        }
        String sampleJson = json("sample", sample);
        String expectedJson = json("expected", expected);
        TestCase saved = TestCase.of(testCases.create(mappingId, name, sampleJson, expectedJson, CurrentUser.name()));
        audit.record("mapping.test_saved", MappingService.ENTITY, mappingId.toString(),
                Map.of("testId", saved.id().toString(), "name", saved.name()));
        return saved;
    }

    @PreAuthorize(MAY_CHANGE)
    @Transactional
    public void delete(UUID mappingId, UUID testId) {
        mapping(mappingId);
        MappingTestCase testCase = testCases.find(mappingId, testId).orElseThrow(() -> new NotFoundException(
                "Mapping " + mappingId + " has no test case " + testId));
        testCases.delete(mappingId, testId);
        audit.record("mapping.test_deleted", MappingService.ENTITY, mappingId.toString(),
                Map.of("testId", testId.toString(), "name", testCase.name()));
    }

    /**
     * Runs every test case on {@code definition} (a working copy), or on the latest version when it is null. A
     * definition that does not compile fails every test case with the reason.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<TestRun> run(UUID mappingId, Map<?, ?> definition) {
        StoredMapping mapping = mapping(mappingId);
        List<MappingTestCase> cases = testCases.list(mappingId);
        Map<?, ?> tested = definition != null ? definition : (Map<?, ?>) PayloadJson.read(mappings
                .version(mappingId, mapping.latestVersion()).orElseThrow().definition());
        CompiledMapping compiled;
        try {
            compiled = compiler.compile(MappingJson.read(tested));
        } catch (MappingDefinitionException e) {
            String reason = notCompiling(e.problems());
            return cases.stream().map(testCase -> new TestRun(testCase.id(), testCase.name(), false, reason,
                    List.<OutputComparison.Difference>of())).toList();
        } catch (RuntimeException e) {
            String reason = "the mapping cannot be read: " + e.getMessage();
            return cases.stream().map(testCase -> new TestRun(testCase.id(), testCase.name(), false, reason,
                    List.<OutputComparison.Difference>of())).toList();
        }
        return cases.stream().map(testCase -> {
            Object output = PayloadJson.normalized(compiled.preview(PayloadJson.read(testCase.sampleJson()),
                    environment).output());
            List<OutputComparison.Difference> differences = OutputComparison.between(
                    PayloadJson.read(testCase.expectedJson()), output);
            return new TestRun(testCase.id(), testCase.name(), differences.isEmpty(), null, differences);
        }).toList();
    }

    private static String notCompiling(List<MappingProblem> problems) {
        List<MappingProblem> errors = problems.stream().filter(MappingProblem::isError).toList();
        List<MappingProblem> shown = errors.isEmpty() ? problems : errors;
        Map<String, String> first = new LinkedHashMap<>();
        shown.stream().limit(3).forEach(problem -> first.put(problem.path(), problem.message()));
        return "the mapping does not compile (" + shown.size() + (shown.size() == 1 ? " error" : " errors") + "): "
                + String.join("; ", first.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                .toList());
    }

    private static String json(String field, Object value) {
        String json = PayloadJson.write(value);
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_JSON_BYTES) {
            throw new InvalidInputException(field, "must be at most " + MAX_JSON_BYTES + " bytes as JSON, has "
                    + bytes);
        }
        return json;
    }

    private StoredMapping mapping(UUID id) {
        return mappings.find(id).orElseThrow(() -> new NotFoundException("No mapping with id " + id));
    }
}
