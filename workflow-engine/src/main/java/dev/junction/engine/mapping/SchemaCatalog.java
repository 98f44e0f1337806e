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

    /** The schemas of all these catalogs (an id found in an earlier one wins), ids sorted. */
    static SchemaCatalog of(SchemaCatalog... catalogs) {
        List<SchemaCatalog> parts = List.of(catalogs);
        List<String> ids = parts.stream().flatMap(catalog -> catalog.ids().stream()).distinct().sorted().toList();
        return new SchemaCatalog() {
            @Override
            public Optional<Map<String, Object>> find(String id) {
                return parts.stream().map(catalog -> catalog.find(id)).flatMap(Optional::stream).findFirst();
            }

            @Override
            public List<String> ids() {
                return ids;
            }
        };
    }
}
