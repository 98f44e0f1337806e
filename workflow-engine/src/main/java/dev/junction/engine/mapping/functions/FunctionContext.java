package dev.junction.engine.mapping.functions;

import dev.junction.engine.mapping.CurrencyRates;
import dev.junction.engine.runs.LookupTables;

import java.util.Map;

/**
 * What a function sees besides its input and arguments: the ports it may read, the schema of the target field the
 * rule fills (so {@code truncate} knows the target's {@code maxLength}), and a place for warnings.
 */
public interface FunctionContext {

    LookupTables lookups();

    CurrencyRates rates();

    /** The JSON Schema (subset) of the target field being filled; an empty map when the target has none. */
    Map<String, Object> targetSchema();

    /** The target field's maxLength, if its schema has one. */
    default Integer targetMaxLength() {
        return targetSchema().get("maxLength") instanceof Number number ? number.intValue() : null;
    }

    /** Records a warning against the target field being filled (e.g. "trimmed to 50 characters"). */
    void warn(String code, String message);
}
