package dev.junction.engine.runs;

import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.mapping.CompiledMapping;
import dev.junction.engine.mapping.MappingCompiler;
import dev.junction.engine.mapping.MappingEnvironment;
import dev.junction.engine.mapping.MappingJson;
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
     * Runs a mapping written inline in a node (read into the same model as a stored one, {@link MappingJson}).
     *
     * @throws dev.junction.engine.mapping.MappingDefinitionException when it does not compile
     */
    MappingResult applyInline(Map<String, ?> mapping, Object source);

    /**
     * Mappings compiled by {@code compiler} on first use and kept (up to a few hundred, least recently used out): a
     * stored one by the JSON text {@code stored} answers for its published version (so publishing a new version
     * compiles it anew), an inline one by the node's config object itself (workflow definitions are read once and
     * kept, so a node's mapping is the same object at every step) — neither is serialized again per step.
     */
    static Mappings compiling(MappingCompiler compiler, MappingEnvironment environment,
                              Function<String, Optional<String>> storedJson) {
        Map<Object, CompiledMapping> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, CompiledMapping> eldest) {
                return size() > 256;
            }
        });
        return new Mappings() {
            @Override
            public Optional<MappingResult> apply(String mappingId, Object source) {
                return storedJson.apply(mappingId).map(json -> cached(json, () -> {
                    @SuppressWarnings("unchecked")
                    Map<String, ?> definition = (Map<String, ?>) PayloadJson.read(json);
                    return definition;
                }).apply(source, environment));
            }

            @Override
            public MappingResult applyInline(Map<String, ?> mapping, Object source) {
                return cached(new Identity(mapping), () -> mapping).apply(source, environment);
            }

            private CompiledMapping cached(Object key, java.util.function.Supplier<Map<String, ?>> definition) {
                CompiledMapping compiled = cache.get(key);
                if (compiled == null) {
                    compiled = compiler.compile(MappingJson.read(definition.get()));
                    cache.put(key, compiled);
                }
                return compiled;
            }
        };
    }

    /** A cache key that is one particular object (not every equal one). */
    record Identity(Object value) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }
}
