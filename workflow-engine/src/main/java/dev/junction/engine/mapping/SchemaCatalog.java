package dev.junction.engine.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Named JSON Schemas a mapping's {@code source.schema} / {@code target.schema} may name, e.g. {@code canonical/Order},
 * {@code sp-api/Order}, {@code opayo/TransactionRequest}; each a JSON Schema document as plain maps and lists.
 */
public interface SchemaCatalog {

    Optional<Map<String, Object>> find(String id);

    /** Every schema id, sorted. */
    List<String> ids();
}
