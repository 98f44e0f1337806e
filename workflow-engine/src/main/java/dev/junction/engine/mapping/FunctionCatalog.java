package dev.junction.engine.mapping;

import dev.junction.engine.mapping.functions.MappingFunction;

import java.util.List;
import java.util.Optional;

/** The functions a mapping's pipelines may call (the built-ins: {@code BuiltInFunctions.standard()}). */
public interface FunctionCatalog {

    Optional<MappingFunction> find(String name);

    /** Every function, sorted by name (the palette and {@code GET /api/v1/mappings/functions}). */
    List<MappingFunction> all();
}
