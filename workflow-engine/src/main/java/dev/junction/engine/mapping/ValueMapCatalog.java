package dev.junction.engine.mapping;

import dev.junction.engine.mapping.functions.ValueMap;

import java.util.List;
import java.util.Optional;

/** Named value maps a rule's {@code valueMap} may name (shipped ones, e.g. {@code amazon-order-status→canonical}). */
public interface ValueMapCatalog {

    Optional<ValueMap> find(String name);

    List<ValueMap> all();
}
