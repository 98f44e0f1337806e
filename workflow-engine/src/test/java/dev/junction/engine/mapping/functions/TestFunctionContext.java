package dev.junction.engine.mapping.functions;

import dev.junction.engine.mapping.CurrencyRates;
import dev.junction.engine.runs.LookupTables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What functions called directly in tests read: one lookup table entry (SKU-1 → B00ASIN1) under a settable
 * missing-key policy, no rates, a settable target field schema; warnings are collected.
 */
final class TestFunctionContext implements FunctionContext {

    final List<String> warnings = new ArrayList<>();
    Map<String, Object> targetSchema = Map.of();
    LookupTables.MissingKey policy = LookupTables.MissingKey.ERROR;

    @Override
    public LookupTables lookups() {
        return new LookupTables() {
            @Override
            public Optional<Object> find(String table, String key) {
                return "SKU-1".equals(key) ? Optional.of("B00ASIN1") : Optional.empty();
            }

            @Override
            public MissingKey missingKeyPolicy(String table) {
                return policy;
            }
        };
    }

    @Override
    public CurrencyRates rates() {
        return CurrencyRates.NONE;
    }

    @Override
    public Map<String, Object> targetSchema() {
        return targetSchema;
    }

    @Override
    public void warn(String code, String message) {
        warnings.add(code + ": " + message);
    }
}
