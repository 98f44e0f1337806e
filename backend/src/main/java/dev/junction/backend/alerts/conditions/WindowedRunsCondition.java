package dev.junction.backend.alerts.conditions;

import dev.junction.backend.alerts.AlertCondition;
import dev.junction.backend.alerts.AlertFinding;
import dev.junction.backend.alerts.AlertScope;
import dev.junction.backend.alerts.CycleReads;
import dev.junction.backend.alerts.ScopedWorkflows;
import org.jooq.DSLContext;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The skeleton of the conditions that judge, per workflow in scope, the runs created in the last
 * {@code windowMinutes}: the kind and title, a parameter schema of the condition's own threshold, the window and the
 * condition's further parameters (in that order, the order the rule form shows), and an evaluation that gets the
 * scope's workflows and the window already worked out. Designer test runs never count. The runs of a window are read
 * once per cycle and window length for every workflow; each rule keeps its scope's.
 */
abstract class WindowedRunsCondition implements AlertCondition {

    static final String WINDOW_MINUTES = "windowMinutes";

    /** The runs of a window: binds the window's start (inclusive) and end (exclusive). */
    static final String RUNS_OF_WINDOW = """
            from runs r
            where r.created_at >= ?::timestamptz and r.created_at < ?::timestamptz and r.trigger_kind <> 'test'""";

    /** The runs created in [{@code from}, {@code to}), {@code minutes} long. */
    record Window(Instant from, Instant to, long minutes) {
    }

    /** One parameter of the rule form: its name and JSON Schema. */
    record Parameter(String name, Map<String, Object> schema) {
    }

    protected final DSLContext db;
    private final ScopedWorkflows scopes;
    private final String kind;
    private final String title;
    private final ObjectSchema parameters;

    /**
     * A condition of kind {@code kind} whose required {@code threshold} says when it fires; the window parameter
     * reads {@code windowDescription} in the form, and {@code further} parameters follow it.
     */
    WindowedRunsCondition(String kind, String title, Parameter threshold, String windowDescription,
                          List<Parameter> further, DSLContext db, ScopedWorkflows scopes) {
        this.kind = kind;
        this.title = title;
        ObjectSchema schema = ObjectSchema.requiring(threshold.name()).property(threshold.name(), threshold.schema())
                .property(WINDOW_MINUTES, Parameters.integerField("Window (minutes)", windowDescription, 1, 10_080,
                        60));
        further.forEach(parameter -> schema.property(parameter.name(), parameter.schema()));
        this.parameters = schema;
        this.db = db;
        this.scopes = scopes;
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final Map<String, Object> parametersSchema() {
        return parameters.build();
    }

    @Override
    public final List<AlertFinding> evaluate(AlertScope scope, Map<String, Object> parameters, Instant now) {
        return evaluate(scope, parameters, now, new CycleReads());
    }

    @Override
    public final List<AlertFinding> evaluate(AlertScope scope, Map<String, Object> parameters, Instant now,
                                             CycleReads reads) {
        long minutes = Parameters.integer(parameters, WINDOW_MINUTES, 60);
        return evaluate(scopes.of(scope, reads), parameters,
                new Window(now.minus(Duration.ofMinutes(minutes)), now, minutes), reads);
    }

    /**
     * The findings, one per workflow that meets the condition in {@code window}; {@code inScope} is the scope's
     * workflows by id (empty: every workflow). What the kind reads for every workflow it reads once per cycle and
     * window length through {@code reads}.
     */
    abstract List<AlertFinding> evaluate(Optional<Map<UUID, String>> inScope, Map<String, Object> parameters,
                                         Window window, CycleReads reads);

    /** Whether {@code workflowId} is in scope ({@code inScope} empty: every workflow is). */
    static boolean inScope(Optional<Map<UUID, String>> inScope, UUID workflowId) {
        return inScope.isEmpty() || inScope.get().containsKey(workflowId);
    }

    /** The name of a workflow in scope (the scope's list, else the cycle's list of all workflows). */
    final String name(Optional<Map<UUID, String>> inScope, UUID workflowId, CycleReads reads) {
        if (inScope.isPresent() && inScope.get().get(workflowId) != null) {
            return inScope.get().get(workflowId);
        }
        ScopedWorkflows.Workflow workflow = scopes.all(reads).get(workflowId);
        return workflow == null ? String.valueOf(workflowId) : workflow.name();
    }

    /** A finding's details, starting with the workflow it is about. */
    static Map<String, Object> workflowDetails(UUID workflowId, String workflowName) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("workflowId", workflowId.toString());
        details.put("workflowName", workflowName);
        return details;
    }
}
