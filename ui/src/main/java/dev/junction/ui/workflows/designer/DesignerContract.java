package dev.junction.ui.workflows.designer;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.junction.engine.definition.DefinitionProblem;

import java.util.List;
import java.util.Map;

/**
 * The JSON shapes the designer's channel carries, one record per type of {@code designer/contract.ts} (same names,
 * same fields): the component writes these as the answers of its {@code @ClientCallable} methods and as its states.
 * Documents travel as plain JSON values (maps and lists), exactly as the definition's JSON form has them.
 */
public final class DesignerContract {

    private DesignerContract() {
    }

    /** One thing the validator says; {@code field} is the dotted path inside the node the inspector focuses. */
    public record Problem(String nodeId, String field, String path, String message) {

        /**
         * {@code $.nodes[2].config.input.reference} of node {@code refund} is field {@code config.input.reference} of
         * {@code refund}; {@code $.trigger.config.cron} is field {@code config.cron} of {@code trigger}; a list index
         * inside a node becomes a segment ({@code config.conditions.1.expression}); the node as a whole has no field.
         */
        public static Problem of(DefinitionProblem problem) {
            String path = problem.path() == null ? "$" : problem.path();
            String nodeId = problem.nodeId();
            String inside = null;
            if (path.startsWith("$.trigger")) {
                nodeId = nodeId == null ? "trigger" : nodeId;
                inside = path.substring("$.trigger".length());
            } else if (path.startsWith("$.nodes[")) {
                int end = path.indexOf(']');
                inside = end < 0 ? "" : path.substring(end + 1);
            }
            return new Problem(nodeId, field(inside), path, problem.message());
        }

        private static String field(String inside) {
            if (inside == null) {
                return null;
            }
            String dotted = inside.replaceAll("\\[(\\d+)]", ".$1").replaceAll("\\[['\"]?([^]'\"]*)['\"]?]", ".$1");
            dotted = dotted.startsWith(".") ? dotted.substring(1) : dotted;
            return dotted.isEmpty() ? null : dotted;
        }

        public static List<Problem> of(List<DefinitionProblem> problems) {
            return problems.stream().map(Problem::of).toList();
        }
    }

    public record WorkflowInfo(String id, String name, Integer baseVersion, Integer publishedVersion,
                               String webhookUrl) {
    }

    /**
     * The go-live checklist's open required items that keep saved version {@code version} from going live (empty: none,
     * or the checklist does not gate this workflow's publish).
     */
    public record PublishGate(int version, List<String> refusals) {
    }

    public record ConnectionInfo(String id, String name, String connector, boolean sandbox) {
    }

    /** A connector's operation, as the page names one to ask for its schemas. */
    public record OperationKey(String connector, String operation) {
    }

    /**
     * An operation's input and output schemas (JSON Schema; null when it has none): the catalog the page opens with
     * leaves them out, the page asks for them when the inspector or the expression scope first needs them.
     */
    public record OperationSchemas(String connector, String operation, Map<String, Object> inputSchema,
                                   Map<String, Object> outputSchema) {
    }

    public record Options(List<Named> mappings, List<LookupTableName> lookupTables, List<Named> workflows) {
    }

    public record Named(String id, String name) {
    }

    public record LookupTableName(String name) {
    }

    public record Permissions(boolean edit, boolean publish, boolean run) {
    }

    public record VersionInfo(int version, String comment, String author, String createdAt, boolean published) {
    }

    /**
     * One field on which two saves disagree; {@code base}, {@code mine}, {@code theirs} are left out where that side
     * has no such thing ({@link Absent}), and JSON null where it is null.
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record MergeConflict(String key, String nodeId, List<String> path, String label,
                                java.util.Optional<Object> base, java.util.Optional<Object> mine,
                                java.util.Optional<Object> theirs) {
    }

    /** What changed from one version to another, with both documents. */
    public record VersionDiff(int from, int to, Object fromDocument, Object toDocument, boolean triggerChanged,
                              List<NodeDiff> nodes, List<EdgeInfo> addedEdges, List<EdgeInfo> removedEdges) {
    }

    /** {@code change}: added, removed, changed or moved; fields: dotted paths inside the node. */
    public record NodeDiff(String nodeId, String change, List<FieldDiff> fields) {
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record FieldDiff(String path, java.util.Optional<Object> before, java.util.Optional<Object> after) {
    }

    public record EdgeInfo(String from, String fromPort, String to) {
    }

    /** An expression's value on the designer's sample, or why there is none. */
    public sealed interface EvaluateResult permits Value, EvaluationError {
    }

    public record Value(String outcome, Object value, String sampleSource) implements EvaluateResult {
        public Value(Object value, String sampleSource) {
            this("value", value, sampleSource);
        }
    }

    /** {@code position}: where in the text sent a syntax error is (0-based), null for other failures. */
    public record EvaluationError(String outcome, String message, Integer position) implements EvaluateResult {
        public EvaluationError(String message, Integer position) {
            this("error", message, position);
        }
    }

    /** The next fire times of a cron expression (ISO with offset), or what is wrong with it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CronPreview(String outcome, List<String> times, String message) {
        public static CronPreview times(List<String> times) {
            return new CronPreview("times", times, null);
        }

        public static CronPreview error(String message) {
            return new CronPreview("error", null, message);
        }
    }

    /** The run drawn over the canvas. */
    public record Overlay(String runId, int version, String status, boolean test, Map<String, NodeOverlay> nodes,
                          Map<String, Integer> edges) {
    }

    public record NodeOverlay(String status, int attempts, Long durationMillis, Integer items, String error) {
    }

    /**
     * Two runs compared on the canvas: the run drawn over it ({@code runId}) against {@code otherRunId}, per node
     * (see {@code RunComparisons}).
     */
    public record Comparison(String runId, String otherRunId, int otherVersion, String otherStatus,
                             Map<String, NodeComparison> nodes) {
    }

    /** One node in two runs: same, different (status and/or output), only-shown or only-other; the other's figures. */
    public record NodeComparison(String change, List<String> differences, String otherStatus, Integer otherAttempts,
                                 Long otherDurationMillis) {
    }

    /** A run of the workflow to pick for a comparison. */
    public record RunChoice(String runId, int version, String status, String trigger, String createdAt) {
    }

    /** What flowed into and out of one node. */
    public record NodeData(String nodeId, Side input, Side output, String error) {
    }

    /** {@code source}: run, pinned, schema or none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Side(String source, String port, Object value, Object schema, Boolean truncated) {
        public static Side none() {
            return new Side("none", null, null, null, null);
        }
    }

    /** The answer to {@code save} and {@code restore}. */
    public sealed interface SaveResult permits Saved, Conflict, Refused {
    }

    /** Saved as {@code version}; {@code document} is the stored definition, null when it is the one the page sent. */
    public record Saved(String outcome, int version, Object document, List<Problem> problems) implements SaveResult {
        public Saved(int version, Object document, List<Problem> problems) {
            this("saved", version, document, problems);
        }
    }

    public record Conflict(String outcome, int theirsVersion, String theirsAuthor, Object merged,
                           List<MergeConflict> conflicts) implements SaveResult {
        public Conflict(int theirsVersion, String theirsAuthor, Object merged, List<MergeConflict> conflicts) {
            this("conflict", theirsVersion, theirsAuthor, merged, conflicts);
        }
    }

    /** Refused: not allowed, or not acceptable input (the problems say where). Also the answer of publish. */
    public record Refused(String outcome, String message, List<Problem> problems)
            implements SaveResult, PublishResult, StartResult, NewMappingResult, StepRunResult {
        public Refused(String message, List<Problem> problems) {
            this("refused", message, problems);
        }
    }

    public sealed interface PublishResult permits Published, Refused {
    }

    /** The answer to {@code newMappingFromNode}: the mapping made, and how saving the workflow with it went. */
    public sealed interface NewMappingResult permits MappingCreated, Refused {
    }

    /**
     * A stored mapping made for a map node, which now names it; {@code saved} is the save of the working copy with
     * that change (a conflict or refusal leaves the change to the user's next save).
     */
    public record MappingCreated(String outcome, String mappingId, String mappingName, SaveResult saved)
            implements NewMappingResult {
        public MappingCreated(String mappingId, String mappingName, SaveResult saved) {
            this("created", mappingId, mappingName, saved);
        }
    }

    /** The answer to {@code runStep} ("Run this step"). */
    public sealed interface StepRunResult permits StepRun, Refused {
    }

    /**
     * One step run alone: {@code status} succeeded, failed or waiting; what it saw and put out; a message (its
     * error, or why it would wait); where its upstream data came from (run, pinned, run+pinned, none).
     */
    public record StepRun(String outcome, String nodeId, String status, Object input, Object output,
                          List<String> ports, String message, String dataSource) implements StepRunResult {
        public StepRun(String nodeId, String status, Object input, Object output, List<String> ports,
                       String message, String dataSource) {
            this("ran", nodeId, status, input, output, ports, message, dataSource);
        }
    }

    /** The answer to {@code testRun}. */
    public sealed interface StartResult permits Started, Refused {
    }

    public record Started(String outcome, String runId) implements StartResult {
        public Started(String runId) {
            this("started", runId);
        }
    }

    public record Published(String outcome, int version) implements PublishResult {
        public Published(int version) {
            this("published", version);
        }
    }
}
