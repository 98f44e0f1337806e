package dev.junction.engine.runs;

import dev.junction.engine.mapping.CompiledMapping;
import dev.junction.engine.mapping.MappingCompiler;
import dev.junction.engine.mapping.MappingEnvironment;
import dev.junction.engine.mapping.MappingResult;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The mappings a map node runs: a stored one by id, or one written inline in the node (a port the application
 * answers; {@link #compiling} is the usual answer).
 */
public interface Mappings {

    /** Runs the stored mapping on {@code source}; empty when there is no such mapping. */
    Optional<MappingResult> apply(String mappingId, Object source);

    /**
     * Runs a mapping written inline in a node.
     *
     * @throws dev.junction.engine.mapping.MappingDefinitionException when it does not compile
     */
    MappingResult applyInline(Map<String, ?> mapping, Object source);

    /**
     * Mappings compiled by {@code compiler} on first use and kept (up to a few hundred, least recently used out):
     * stored ones as {@code stored} answers their published definition by id, inline ones by their content.
     */
    static Mappings compiling(MappingCompiler compiler, MappingEnvironment environment,
                              Function<String, Optional<Map<String, ?>>> stored) {
        Map<Object, CompiledMapping> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, CompiledMapping> eldest) {
                return size() > 256;
            }
        });
        return new Mappings() {
            @Override
            public Optional<MappingResult> apply(String mappingId, Object source) {
                return stored.apply(mappingId).map(definition -> compiled(definition).apply(source, environment));
            }

            @Override
            public MappingResult applyInline(Map<String, ?> mapping, Object source) {
                return compiled(mapping).apply(source, environment);
            }

            private CompiledMapping compiled(Map<String, ?> definition) {
                String key = PayloadJson.write(definition);
                CompiledMapping compiled = cache.get(key);
                if (compiled == null) {
                    compiled = compiler.compile(definition);
                    cache.put(key, compiled);
                }
                return compiled;
            }
        };
    }
}
