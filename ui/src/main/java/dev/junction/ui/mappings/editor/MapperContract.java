package dev.junction.ui.mappings.editor;

import dev.junction.engine.mapping.FieldTrace;
import dev.junction.engine.mapping.MappingProblem;

import java.util.List;

/**
 * The JSON shapes the mapping editor's channel carries, one record per type of {@code mapper/contract.ts} (same
 * names, same fields). Change both together.
 */
public final class MapperContract {

    private MapperContract() {
    }

    public record MappingInfo(String id, String name, String description, int baseVersion, int latestVersion,
                              Integer publishedVersion) {
    }

    public record Permissions(boolean edit, boolean publish) {
    }

    public record SampleOption(String kind, String label, Object data) {
    }

    public record NodeContext(String workflowId, String workflowName, String nodeId, Object sourceSchema,
                              Object targetSchema, List<SampleOption> samples) {
    }

    public record LookupTableInfo(String name, String description, String missingKey, long size) {
    }

    public record ConnectionInfo(String id, String name, String connector, boolean sandbox) {
    }

    public record MappingProblemInfo(String severity, String code, String path, String message, String origin) {

        static List<MappingProblemInfo> of(List<MappingProblem> problems, String origin) {
            return problems.stream().map(problem -> new MappingProblemInfo(problem.severity().name(), problem.code(),
                    problem.path(), problem.message(), origin)).toList();
        }
    }

    public record PreviewStep(String label, Object value) {
    }

    public record PreviewField(String targetPath, Object value, List<String> sourcePaths, List<PreviewStep> steps,
                               List<MappingProblemInfo> problems) {

        static PreviewField of(FieldTrace trace) {
            return new PreviewField(trace.targetPath(), trace.value(), trace.sourcePaths(),
                    trace.steps().stream().map(step -> new PreviewStep(step.label(), step.value())).toList(),
                    MappingProblemInfo.of(trace.problems(), "output"));
        }
    }

    public record PreviewResult(boolean compiled, Object output, List<PreviewField> fields,
                                List<MappingProblemInfo> problems) {
    }

    /** {@code kind}: saved (version, problems), conflict (message, latestVersion), refused (message). */
    public record SaveResult(String kind, Integer version, List<MappingProblemInfo> problems, String message,
                             Integer latestVersion, Object document) {

        static SaveResult saved(int version, List<MappingProblemInfo> problems, Object document) {
            return new SaveResult("saved", version, problems, null, null, document);
        }

        static SaveResult conflict(String message, int latestVersion) {
            return new SaveResult("conflict", null, null, message, latestVersion, null);
        }

        static SaveResult refused(String message) {
            return new SaveResult("refused", null, null, message, null, null);
        }
    }

    /** {@code kind}: published (version), refused (message, problems). */
    public record PublishResult(String kind, Integer version, String message, List<MappingProblemInfo> problems) {
    }

    public record VersionInfo(int version, String comment, String author, String createdAt, boolean published) {
    }

    public record RuleDiff(String kind, String target, Object before, Object after) {
    }

    public record VersionDiff(int from, int to, boolean sourceChanged, boolean targetChanged, List<RuleDiff> rules) {
    }

    /** A saved test case (golden sample): a sample and the output it must give. */
    public record TestCase(String id, String name, Object sample, Object expected) {
    }

    /** A test case just saved, or (id null, nothing saved) {@code error}: why the server refused it. */
    public record SavedTestCase(String id, String name, Object sample, Object expected, String error) {
    }

    /** One difference between a test case's expected output and the actual one ("changed": both present). */
    public record OutputDifference(String path, String kind, Object expected, Object actual) {
    }

    /** One test case's run; {@code error}: why it could not run (the mapping does not compile), else null. */
    public record TestResult(String id, String name, boolean passed, String error,
                             List<OutputDifference> differences) {
    }

    /** A sample parsed or fetched, or {@code error}: what is wrong (then sample is null). */
    public record SampleAnswer(Object sample, String error) {
    }

    /** The answer of a change that answers nothing else: null error when it was done. */
    public record Refusal(String error) {
    }
}
