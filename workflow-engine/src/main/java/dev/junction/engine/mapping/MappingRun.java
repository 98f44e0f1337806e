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
    /** Where loop elements came from in the record, for the lineage; null unless previewing. */
    final SourceLineage lineage;
    private ExpressionSession session;
    private String fieldPrefix = "";
    private String fieldText;
    private String field;
    private CompiledRules.TargetField target;
    private List<String> fieldSources;
    private List<FieldTrace.Step> fieldSteps;

    /** The values of the paths read from the record so far (see {@link SourcePath#read(SourcePath.Frame, Object[])}). */
    final Object[] slots;

    MappingRun(MappingEnvironment environment, ExpressionRuntime expressions, int slots, boolean trace) {
        this.slots = new Object[slots];
        this.environment = environment;
        this.expressions = expressions;
        this.traces = trace ? new ArrayList<>() : null;
        this.lineage = trace ? new SourceLineage() : null;
    }

    boolean tracing() {
        return traces != null;
    }

    /**
     * Begins filling a rule's target field under {@code prefix} (e.g. {@code items[2].}; empty at the top), read by
     * {@code reads} (written {@code sources}) at {@code frame}: the lineage names the concrete source paths.
     */
    void begin(String prefix, CompiledRules.TargetField field, List<String> sources, List<SourcePath> reads,
               SourcePath.Frame frame) {
        begin(prefix, field.text(), field, lineage == null ? sources : lineage.paths(reads, frame, sources));
    }

    /** Begins reporting on a path that is not a field (a forEach whose source is not a list). */
    void begin(String path, List<String> sources) {
        begin("", path, null, sources);
    }

    private void begin(String prefix, String text, CompiledRules.TargetField field, List<String> sources) {
        fieldPrefix = prefix;
        fieldText = text;
        this.field = null;
        target = field;
        if (traces != null) {
            fieldSources = sources;
            fieldSteps = new ArrayList<>();
        }
    }

    /** The concrete path of the field being filled ({@code items[2].sku}), made only when something needs it. */
    String field() {
        if (field == null) {
            field = fieldPrefix.isEmpty() ? fieldText : fieldPrefix + fieldText;
        }
        return field;
    }

    void step(String label, Object value) {
        if (fieldSteps != null) {
            fieldSteps.add(new FieldTrace.Step(label, value));
        }
    }

    /** Ends the field; its problems are attached once the whole record is done (the schema check adds some). */
    void end(Object value) {
        if (traces != null) {
            traces.add(new FieldTrace(field(), value, fieldSources, fieldSteps, List.of()));
        }
    }

    void error(String code, String message) {
        problems.add(MappingProblem.error(field(), code, message));
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
        return target == null ? Map.of() : target.schema();
    }

    @Override
    public Integer targetMaxLength() {
        return target == null ? null : target.maxLength();
    }

    @Override
    public void warn(String code, String message) {
        problems.add(MappingProblem.warning(field(), code, message));
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
    }
}
