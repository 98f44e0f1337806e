package dev.junction.engine.mapping.suggest;

import dev.junction.engine.mapping.SchemaCatalog;
import dev.junction.engine.mapping.model.MappingDocument;
import dev.junction.engine.mapping.ValueMapCatalog;
import dev.junction.engine.mapping.functions.ShippedValueMaps;
import dev.junction.engine.schema.JsonSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Auto-map suggestions: proposes the rules of a mapping from a source schema to a target schema, each with a
 * confidence and its reasons (docs/mappings.md, "Auto-map suggestions"). Both schemas are flattened into leaf
 * paths; names are compared after splitting (camelCase, snake_case, glued Dataverse words), through the domain's
 * synonym table ({@code junction/suggest/synonyms.json}) and with their parents' names; types and formats adjust the
 * confidence and may add built-in functions to the pipe; rules of the mappings saved in this instance raise the
 * pairs they map. At most one suggestion per target leaf, at least {@value ScopeMatcher#THRESHOLD} sure, sorted by
 * target path. Pure: no I/O beyond reading the synonym table once.
 */
public final class MappingSuggester {

    /** The least confidence a suggestion has. */
    public static final double THRESHOLD = ScopeMatcher.THRESHOLD;

    private final SchemaCatalog schemas;
    private final Synonyms synonyms;
    private final ValueMapCatalog valueMaps;

    /**
     * @param schemas   resolves the schema ids saved mappings name, to tell which were made for the same pair
     * @param valueMaps the value maps a suggestion may fill a target that takes only some values through
     */
    public MappingSuggester(SchemaCatalog schemas, ValueMapCatalog valueMaps) {
        this(schemas, Synonyms.standard(), valueMaps);
    }

    MappingSuggester(SchemaCatalog schemas, Synonyms synonyms, ValueMapCatalog valueMaps) {
        this.schemas = Objects.requireNonNull(schemas, "schemas");
        this.synonyms = Objects.requireNonNull(synonyms, "synonyms");
        this.valueMaps = Objects.requireNonNull(valueMaps, "valueMaps");
    }

    /** Over these schemas and the shipped value maps. */
    public static MappingSuggester over(SchemaCatalog schemas) {
        return new MappingSuggester(schemas, ShippedValueMaps.instance());
    }

    /**
     * @param sourceSchema  the source's JSON Schema
     * @param targetSchema  the target's JSON Schema
     * @param savedMappings the mappings saved in this instance, as evidence; may be empty
     */
    public List<Suggestion> suggest(Map<String, ?> sourceSchema, Map<String, ?> targetSchema,
                                    List<MappingDocument> savedMappings) {
        Objects.requireNonNull(sourceSchema, "sourceSchema");
        Objects.requireNonNull(targetSchema, "targetSchema");
        SavedEvidence evidence = savedMappings == null || savedMappings.isEmpty() ? SavedEvidence.NONE
                : new SavedEvidence(savedMappings, sourceSchema, targetSchema, schemas, synonyms);
        return new ScopeMatcher(synonyms, evidence, valueMaps).suggest(JsonSchema.of(sourceSchema), JsonSchema.of(targetSchema));
    }

    /**
     * The suggestions as a mapping's rules ({@code {target, from, pipe}}, or {@code {target, forEach, rules}}), ready
     * for a mapping's {@code rules} and for {@link dev.junction.engine.mapping.MappingCompiler}.
     */
    public static List<Map<String, Object>> toRules(List<Suggestion> suggestions) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Suggestion suggestion : suggestions) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("target", suggestion.targetPath());
            if (suggestion.isForEach()) {
                rule.put("forEach", suggestion.sourcePath());
                rule.put("rules", toRules(suggestion.inner()));
            } else {
                rule.put("from", suggestion.sourcePath());
                if (!suggestion.pipe().isEmpty()) {
                    rule.put("pipe", suggestion.pipe());
                }
                if (suggestion.valueMap() != null) {
                    rule.put("valueMap", suggestion.valueMap());
                }
            }
            rules.add(rule);
        }
        return rules;
    }
}
