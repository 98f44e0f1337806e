package dev.junction.engine.mapping.model;

import java.util.List;
import java.util.Objects;

/**
 * A mapping: what it reads ({@code source}), what it makes ({@code target}) and the rules that fill the target, in
 * order. Its JSON form is {@code MappingJson}'s ({@code docs/mappings.md}, {@code schemaVersion} 1).
 *
 * @param schemaVersion the format's version ({@value #CURRENT_VERSION})
 * @param name          the mapping's name; null when it has none
 * @param description   what it is for; null when it has none
 * @param source        the schema of the records it reads; null: any record
 * @param target        the schema of the records it makes; null: any path may be filled, nothing is validated
 * @param rules         the rules, in order
 */
public record MappingDocument(int schemaVersion, String name, String description, SchemaReference source,
                              SchemaReference target, List<Rule> rules) {

    /** The one version of the format there is. */
    public static final int CURRENT_VERSION = 1;

    public MappingDocument {
        if (schemaVersion != CURRENT_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + CURRENT_VERSION + ", not " + schemaVersion);
        }
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
    }

    /** A mapping of the current version without name, description or schemas. */
    public static MappingDocument of(List<Rule> rules) {
        return new MappingDocument(CURRENT_VERSION, null, null, null, null, rules);
    }
}
