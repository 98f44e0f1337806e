package dev.junction.engine.mapping;

import dev.junction.engine.expressions.ExpressionRuntime;
import dev.junction.engine.expressions.ExpressionSession;
import dev.junction.engine.mapping.functions.FunctionContext;
import dev.junction.engine.runs.LookupTables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One application of a compiled mapping: the problems found so far, the field being filled (for functions'
 * warnings and target schema), the lineage when previewing (null otherwise: the fast path records nothing), and the
 * JavaScript session, opened only if a JS rule runs.
 */
final class MappingRun implements FunctionContext, AutoCloseable {

    private final MappingEnvironment environment;
    private final ExpressionRuntime expressions;
    final List<MappingProblem> problems = new ArrayList<>();
    final List<FieldTrace> traces;
    private ExpressionSession session;
    private String field;
    private Map<String, Object> fieldSchema = Map.of();
    private List<String> fieldSources;
    private List<FieldTrace.Step> fieldSteps;

    MappingRun(MappingEnvironment environment, ExpressionRuntime expressions, boolean trace) {
        this.environment = environment;
        this.expressions = expressions;
        this.traces = trace ? new ArrayList<>() : null;
    }

    boolean tracing() {
        return traces != null;
    }

    void begin(String path, Map<String, Object> schema, List<String> sources) {
        field = path;
        fieldSchema = schema;
        if (traces != null) {
            fieldSources = sources;
            fieldSteps = new ArrayList<>();
        }
    }

    void step(String label, Object value) {
        if (fieldSteps != null) {
            fieldSteps.add(new FieldTrace.Step(label, value));
        }
    }

    /** Ends the field; its problems are attached once the whole record is done (the schema check adds some). */
    void end(Object value) {
        if (traces != null) {
            traces.add(new FieldTrace(field, value, fieldSources, fieldSteps, List.of()));
        }
    }

    void error(String code, String message) {
        problems.add(MappingProblem.error(field, code, message));
    }

    ExpressionSession session() {
        if (session == null) {
            session = expressions.openSession();
        }
        return session;
    }

    @Override
    public LookupTables lookups() {
        return environment.lookups();
    }

    @Override
    public CurrencyRates rates() {
        return environment.rates();
    }

    @Override
    public Map<String, Object> targetSchema() {
        return fieldSchema;
    }

    @Override
    public void warn(String code, String message) {
        problems.add(MappingProblem.warning(field, code, message));
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
    }
}
